-- Budget (部门预算) against final account (部门决算), per department, fiscal
-- year, function code and fund scope, from the leaf rows of tables 03 / 05 /
-- 07 / 08 ('total' column) of the one budget and the one final account
-- int_comparison_documents chose for that department-year and table.
-- Full outer join: a code printed on one side only still appears (has_budget /
-- has_final say which side printed it). When both documents exist, a code one
-- side does not print counts as 0 in difference_yuan and execution_rate; when
-- one document is missing, both are NULL.
-- narrative_initial_budget_yuan: the final account narrative's 年初预算 for the
-- code (fct_budget_execution), general_public_budget rows only; a narrative
-- code that is not a leaf row of either table is not shown here.
-- The comparison, in the same steps as the other fct_budget_vs_final_* marts:
-- pairs (the two documents of each department-year and table), budget_rows /
-- final_rows (their facts), compared (the full outer join on department, year
-- and keys), measured (with the pair's document ids and both_documents).
with

pairs as (
    select * from {{ ref('int_comparison_documents') }}
    where table_code in ('03', '05', '07', '08')
),

facts as (
    select * from {{ ref('fct_expenditure_by_function') }}
),

budget_rows as (
    select facts.*
    from facts
    inner join pairs
        on
            facts.document_id = pairs.budget_document_id
            and facts.table_code = pairs.table_code
),

final_rows as (
    select facts.*
    from facts
    inner join pairs
        on
            facts.document_id = pairs.final_document_id
            and facts.table_code = pairs.table_code
),

compared as (
    select
        coalesce(budget_rows.department_id, final_rows.department_id) as department_id,
        coalesce(budget_rows.fiscal_year, final_rows.fiscal_year) as fiscal_year,
        coalesce(budget_rows.function_code, final_rows.function_code) as function_code,
        coalesce(budget_rows.fund_scope, final_rows.fund_scope) as fund_scope,
        coalesce(budget_rows.table_code, final_rows.table_code) as table_code,
        budget_rows.total_yuan as budget_yuan,
        final_rows.total_yuan as final_yuan,
        budget_rows.document_id is not null as has_budget,
        final_rows.document_id is not null as has_final,
        budget_rows.source_page as budget_source_page,
        final_rows.source_page as final_source_page
    from budget_rows
    full outer join final_rows
        on
            budget_rows.department_id = final_rows.department_id
            and budget_rows.fiscal_year = final_rows.fiscal_year
            and budget_rows.function_code = final_rows.function_code
            and budget_rows.fund_scope = final_rows.fund_scope
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
            and compared.table_code = pairs.table_code
),

-- One narrative figure per department-year and code: from the final account
-- compared on table 05 when it printed one, else from the other final account.
narrative as (
    select
        execution.department_id,
        execution.fiscal_year,
        execution.function_code,
        execution.initial_budget_yuan,
        execution.document_id
    from {{ ref('fct_budget_execution') }} as execution
    left join pairs
        on
            execution.department_id = pairs.department_id
            and execution.fiscal_year = pairs.fiscal_year
            and pairs.table_code = '05'
    where execution.document_kind = 'final_account'
    qualify row_number() over (
        partition by execution.department_id, execution.fiscal_year, execution.function_code
        order by
            coalesce(execution.document_id = pairs.final_document_id, false) desc,
            execution.document_id
    ) = 1
),

narrated as (
    select
        measured.*,
        narrative.initial_budget_yuan as narrative_initial_budget_yuan,
        narrative.document_id as narrative_document_id
    from measured
    left join narrative
        on
            measured.fund_scope = 'general_public_budget'
            and measured.department_id = narrative.department_id
            and measured.fiscal_year = narrative.fiscal_year
            and measured.function_code = narrative.function_code
)

select
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(function_code as varchar) as function_code,
    cast(fund_scope as varchar) as fund_scope,
    {{ yuan('budget_yuan') }} as budget_yuan,
    {{ yuan('final_yuan') }} as final_yuan,
    {{ yuan('narrative_initial_budget_yuan') }} as narrative_initial_budget_yuan,
    {{ budget_vs_final_difference('final_yuan', 'budget_yuan', 'both_documents') }} as difference_yuan,
    {{ budget_vs_final_execution_rate('final_yuan', 'budget_yuan', 'both_documents') }} as execution_rate,
    cast(budget_document_id as varchar) as budget_document_id,
    cast(final_document_id as varchar) as final_document_id,
    cast(has_budget as boolean) as has_budget,
    cast(has_final as boolean) as has_final,
    cast(table_code as varchar) as table_code,
    cast(budget_source_page as integer) as budget_source_page,
    cast(final_source_page as integer) as final_source_page,
    cast(narrative_document_id as varchar) as narrative_document_id
from narrated
