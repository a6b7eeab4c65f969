-- Budget (部门预算) against final account (部门决算), per department, fiscal
-- year and economic code: basic expenditure of the general public budget,
-- leaf rows of table 06 of the one budget and the one final account
-- int_comparison_documents chose for that department-year.
-- Full outer join: a code printed on one side only still appears. When both
-- documents exist, a code one side does not print counts as 0 in
-- difference_yuan and execution_rate; when one document is missing, both are NULL.
-- The comparison, in the same steps as the other fct_budget_vs_final_* marts:
-- pairs (the two documents of each department-year), budget_rows / final_rows
-- (their facts), compared (the full outer join on department, year and keys),
-- measured (with the pair's document ids and both_documents).
with

pairs as (
    select * from {{ ref('int_comparison_documents') }}
    where table_code = '06'
),

facts as (
    select * from {{ ref('fct_expenditure_by_economic_class') }}
),

budget_rows as (
    select facts.*
    from facts
    inner join pairs
        on facts.document_id = pairs.budget_document_id
),

final_rows as (
    select facts.*
    from facts
    inner join pairs
        on facts.document_id = pairs.final_document_id
),

compared as (
    select
        coalesce(budget_rows.department_id, final_rows.department_id) as department_id,
        coalesce(budget_rows.fiscal_year, final_rows.fiscal_year) as fiscal_year,
        coalesce(budget_rows.economic_code, final_rows.economic_code) as economic_code,
        budget_rows.amount_yuan as budget_yuan,
        final_rows.amount_yuan as final_yuan,
        budget_rows.document_id is not null as has_budget,
        final_rows.document_id is not null as has_final,
        budget_rows.source_page as budget_source_page,
        final_rows.source_page as final_source_page
    from budget_rows
    full outer join final_rows
        on
            budget_rows.department_id = final_rows.department_id
            and budget_rows.fiscal_year = final_rows.fiscal_year
            and budget_rows.economic_code = final_rows.economic_code
),

measured as (
    select
        compared.*,
        pairs.budget_document_id,
        pairs.final_document_id,
        pairs.budget_document_id is not null and pairs.final_document_id is not null
            as both_documents
    from compared
    inner join pairs
        on
            compared.department_id = pairs.department_id
            and compared.fiscal_year = pairs.fiscal_year
)

select
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(economic_code as varchar) as economic_code,
    {{ yuan('budget_yuan') }} as budget_yuan,
    {{ yuan('final_yuan') }} as final_yuan,
    {{ budget_vs_final_difference('final_yuan', 'budget_yuan', 'both_documents') }} as difference_yuan,
    {{ budget_vs_final_execution_rate('final_yuan', 'budget_yuan', 'both_documents') }} as execution_rate,
    cast(budget_document_id as varchar) as budget_document_id,
    cast(final_document_id as varchar) as final_document_id,
    cast(has_budget as boolean) as has_budget,
    cast(has_final as boolean) as has_final,
    cast(budget_source_page as integer) as budget_source_page,
    cast(final_source_page as integer) as final_source_page
from measured
