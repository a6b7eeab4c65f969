-- Budget (部门预算) by function, all funds: the leaf rows of the budget's
-- expenditure table (支出预算表, table 03 in the national numbering) of one
-- budget per department and year, named. Same rules as
-- final_spending_by_function: one document per department-year, leaf rows,
-- all funds only.
with

chosen as (
    select budget_document_id as document_id
    from {{ ref('int_comparison_documents') }}
    where table_code = '03' and budget_document_id is not null
),

facts as (
    select facts.*
    from {{ ref('fct_expenditure_by_function') }} as facts
    inner join chosen
        on facts.document_id = chosen.document_id
    where facts.fund_scope = 'all_funds'
)

select
    cast(facts.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(facts.department_id as varchar) as department_id,
    cast(facts.function_code as varchar) as function_code,
    {{ function_hierarchy_columns('facts.function_code') }},
    {{ yuan('facts.total_yuan') }} as total_yuan,
    {{ yuan('facts.basic_yuan') }} as basic_yuan,
    {{ yuan('facts.project_yuan') }} as project_yuan,
    cast(facts.document_id as varchar) as document_id,
    cast(documents.source_file as varchar) as source_file,
    cast(facts.source_page as integer) as source_page
from facts
inner join {{ ref('dim_document') }} as documents
    on facts.document_id = documents.document_id
left join {{ ref('dim_department') }} as departments
    on facts.department_id = departments.department_id
{{ function_hierarchy_joins('facts.function_code', 'facts.fiscal_year') }}
