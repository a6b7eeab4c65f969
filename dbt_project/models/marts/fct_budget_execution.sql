-- The narrative's "年初预算为…，支出决算为…，完成年初预算的…%" sentences of loaded
-- documents that resolved to a function code; when a code is restated twice,
-- the first printed (lowest page) is kept.
with

execution as (
    select * from {{ ref('stg_raw__budget_execution') }}
    where function_code is not null
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

first_per_code as (
    select *
    from execution
    qualify row_number() over (
        partition by document_id, function_code
        order by source_page, function_label, initial_budget_yuan, final_yuan
    ) = 1
)

select
    cast(first_per_code.document_id as varchar) as document_id,
    cast(first_per_code.function_code as varchar) as function_code,
    {{ yuan('first_per_code.initial_budget_yuan') }} as initial_budget_yuan,
    {{ yuan('first_per_code.final_yuan') }} as final_yuan,
    cast(first_per_code.completion_rate as decimal(9, 2)) as completion_rate,
    cast(first_per_code.explanation as varchar) as explanation,
    cast(first_per_code.function_label as varchar) as function_label,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(first_per_code.source_page as integer) as source_page
from first_per_code
inner join documents
    on first_per_code.document_id = documents.document_id
