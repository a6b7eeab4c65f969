-- Basic expenditure of the general public budget by economic classification
-- (table 06, 基本支出 by 经济分类): the budget against the final account per
-- department, year and leaf economic code, named, with the class's English
-- name and its cost group (人员经费 personnel / 公用经费 public).
-- fct_budget_vs_final_by_economic_class with names; one budget and one final
-- account per department-year, leaf rows only.
with

compared as (
    select * from {{ ref('fct_budget_vs_final_by_economic_class') }}
)

select
    cast(compared.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(compared.department_id as varchar) as department_id,
    cast(compared.economic_code as varchar) as economic_code,
    cast(subjects.economic_name as varchar) as economic_name,
    cast(left(compared.economic_code, 3) as varchar) as class_code,
    cast(classes.economic_name as varchar) as class_name,
    cast(class_english.class_name_en as varchar) as class_name_en,
    cast(subjects.cost_group as varchar) as cost_group,
    {{ yuan('compared.budget_yuan') }} as budget_yuan,
    {{ yuan('compared.final_yuan') }} as final_yuan,
    {{ yuan('compared.difference_yuan') }} as difference_yuan,
    cast(compared.execution_rate as decimal(9, 2)) as execution_rate,
    cast(compared.budget_document_id as varchar) as budget_document_id,
    cast(budget_documents.source_file as varchar) as budget_source_file,
    cast(compared.budget_source_page as integer) as budget_source_page,
    cast(compared.final_document_id as varchar) as final_document_id,
    cast(final_documents.source_file as varchar) as final_source_file,
    cast(compared.final_source_page as integer) as final_source_page
from compared
left join {{ ref('dim_economic_subject') }} as subjects
    on compared.economic_code = subjects.economic_code
left join {{ ref('dim_economic_subject') }} as classes
    on left(compared.economic_code, 3) = classes.economic_code
left join {{ ref('economic_class_names') }} as class_english
    on left(compared.economic_code, 3) = class_english.class_code
left join {{ ref('dim_document') }} as budget_documents
    on compared.budget_document_id = budget_documents.document_id
left join {{ ref('dim_document') }} as final_documents
    on compared.final_document_id = final_documents.document_id
left join {{ ref('dim_department') }} as departments
    on compared.department_id = departments.department_id
