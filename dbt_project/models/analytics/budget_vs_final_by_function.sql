-- The budget against the final account, all funds (table 03 of each), per
-- department, year and leaf function code, named: fct_budget_vs_final_by_function
-- restricted to 'all_funds', so that no fund scope is added to another. A code
-- printed on one side only has the other side NULL (has_budget / has_final).
with

compared as (
    select * from {{ ref('fct_budget_vs_final_by_function') }}
    where fund_scope = 'all_funds'
)

select
    cast(compared.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(compared.department_id as varchar) as department_id,
    cast(compared.function_code as varchar) as function_code,
    {{ function_hierarchy_columns('compared.function_code') }},
    {{ yuan('compared.budget_yuan') }} as budget_yuan,
    {{ yuan('compared.final_yuan') }} as final_yuan,
    {{ yuan('compared.difference_yuan') }} as difference_yuan,
    cast(compared.execution_rate as decimal(9, 2)) as execution_rate,
    cast(compared.has_budget as boolean) as has_budget,
    cast(compared.has_final as boolean) as has_final,
    cast(compared.budget_document_id as varchar) as budget_document_id,
    cast(budget_documents.source_file as varchar) as budget_source_file,
    cast(compared.budget_source_page as integer) as budget_source_page,
    cast(compared.final_document_id as varchar) as final_document_id,
    cast(final_documents.source_file as varchar) as final_source_file,
    cast(compared.final_source_page as integer) as final_source_page
from compared
left join {{ ref('dim_document') }} as budget_documents
    on compared.budget_document_id = budget_documents.document_id
left join {{ ref('dim_document') }} as final_documents
    on compared.final_document_id = final_documents.document_id
left join {{ ref('dim_department') }} as departments
    on compared.department_id = departments.department_id
{{ function_hierarchy_joins('compared.function_code', 'compared.fiscal_year') }}
