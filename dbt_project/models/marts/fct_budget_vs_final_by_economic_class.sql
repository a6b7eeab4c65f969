-- Budget (部门预算) against final account (部门决算), per department, fiscal
-- year and economic code: basic expenditure of the general public budget,
-- leaf rows of table 06 of the one budget and the one final account
-- int_comparison_documents chose for that department-year.
-- Full outer join: a code printed on one side only still appears. When both
-- documents exist, a code one side does not print counts as 0 in
-- difference_yuan and execution_rate; when one document is missing, both are NULL.
-- The comparison itself (pairs ... measured) is the budget_vs_final macro.
with

{{ budget_vs_final(
    facts=ref('fct_expenditure_by_economic_class'),
    table_codes=['06'],
    keys=['economic_code'],
    measures={
        'budget_yuan': 'budget_rows.amount_yuan',
        'final_yuan': 'final_rows.amount_yuan',
    },
) }}

select
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(economic_code as varchar) as economic_code,
    {{ yuan('budget_yuan') }} as budget_yuan,
    {{ yuan('final_yuan') }} as final_yuan,
    {{ budget_vs_final_difference('final_yuan', 'budget_yuan') }} as difference_yuan,
    {{ budget_vs_final_execution_rate('final_yuan', 'budget_yuan') }} as execution_rate,
    {{ budget_vs_final_document_columns() }},
    cast(budget_source_page as integer) as budget_source_page,
    cast(final_source_page as integer) as final_source_page
from measured
