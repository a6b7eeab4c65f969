-- "三公" costs (table 09): the budget document's 预算数 against the final
-- account's 决算数, per department, fiscal year and cost item, with the budget
-- column the final account prints itself (final_printed_budget_yuan), which
-- should restate the budget document. One budget and one final account per
-- department-year, as int_comparison_documents chose them. Full outer join;
-- when both documents exist, an item one side does not print counts as 0 in
-- difference_yuan and execution_rate. 'total' and 'vehicles' are sums of other
-- items: do not sum across cost items.
-- The comparison itself (pairs ... measured) is the budget_vs_final macro.
with

{{ budget_vs_final(
    facts=ref('fct_three_public_costs'),
    table_codes=['09'],
    keys=['cost_item'],
    measures={
        'budget_yuan': 'budget_rows.budget_yuan',
        'final_printed_budget_yuan': 'final_rows.budget_yuan',
        'actual_yuan': 'final_rows.actual_yuan',
    },
) }}

select
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(cost_item as varchar) as cost_item,
    {{ yuan('budget_yuan') }} as budget_yuan,
    {{ yuan('final_printed_budget_yuan') }} as final_printed_budget_yuan,
    {{ yuan('actual_yuan') }} as actual_yuan,
    {{ budget_vs_final_difference('actual_yuan', 'budget_yuan') }} as difference_yuan,
    {{ budget_vs_final_execution_rate('actual_yuan', 'budget_yuan') }} as execution_rate,
    {{ yuan('case when has_budget and has_final then final_printed_budget_yuan - budget_yuan end') }}
        as printed_budget_difference_yuan,
    {{ budget_vs_final_document_columns() }},
    cast(budget_source_page as integer) as budget_source_page,
    cast(final_source_page as integer) as final_source_page
from measured
