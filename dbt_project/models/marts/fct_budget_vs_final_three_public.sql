-- "三公" costs (table 09): the budget document's 预算数 against the final
-- account's 决算数, per department, fiscal year and cost item, with the budget
-- column the final account prints itself (final_printed_budget_yuan), which
-- should restate the budget document. One budget and one final account per
-- department-year, as int_comparison_documents chose them. Full outer join;
-- when both documents exist, an item one side does not print counts as 0 in
-- difference_yuan and execution_rate. 'total' and 'vehicles' are sums of other
-- items: do not sum across cost items.
-- The comparison, in the same steps as the other fct_budget_vs_final_* marts:
-- pairs (the two documents of each department-year), budget_rows / final_rows
-- (their facts), compared (the full outer join on department, year and keys),
-- measured (with the pair's document ids and both_documents).
with

pairs as (
    select * from {{ ref('int_comparison_documents') }}
    where table_code = '09'
),

facts as (
    select * from {{ ref('fct_three_public_costs') }}
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
        coalesce(budget_rows.cost_item, final_rows.cost_item) as cost_item,
        budget_rows.budget_yuan,
        final_rows.budget_yuan as final_printed_budget_yuan,
        final_rows.actual_yuan,
        budget_rows.document_id is not null as has_budget,
        final_rows.document_id is not null as has_final,
        budget_rows.source_page as budget_source_page,
        final_rows.source_page as final_source_page
    from budget_rows
    full outer join final_rows
        on
            budget_rows.department_id = final_rows.department_id
            and budget_rows.fiscal_year = final_rows.fiscal_year
            and budget_rows.cost_item = final_rows.cost_item
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
    cast(cost_item as varchar) as cost_item,
    {{ yuan('budget_yuan') }} as budget_yuan,
    {{ yuan('final_printed_budget_yuan') }} as final_printed_budget_yuan,
    {{ yuan('actual_yuan') }} as actual_yuan,
    {{ budget_vs_final_difference('actual_yuan', 'budget_yuan', 'both_documents') }} as difference_yuan,
    {{ budget_vs_final_execution_rate('actual_yuan', 'budget_yuan', 'both_documents') }} as execution_rate,
    {{ yuan('case when has_budget and has_final then final_printed_budget_yuan - budget_yuan end') }}
        as printed_budget_difference_yuan,
    cast(budget_document_id as varchar) as budget_document_id,
    cast(final_document_id as varchar) as final_document_id,
    cast(has_budget as boolean) as has_budget,
    cast(has_final as boolean) as has_final,
    cast(budget_source_page as integer) as budget_source_page,
    cast(final_source_page as integer) as final_source_page
from measured
