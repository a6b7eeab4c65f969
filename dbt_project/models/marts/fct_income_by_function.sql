-- Income by function code and source of money, leaf rows of table 02
-- (收入决算表) of loaded documents.
with

function_rows as (
    select * from {{ ref('int_function_rows_pivoted') }}
    where
        table_code = '02'
        and is_leaf
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

document_tables as (
    select * from {{ ref('stg_raw__document_tables') }}
    where table_code = '02'
)

select
    cast(function_rows.document_id as varchar) as document_id,
    cast(function_rows.function_code as varchar) as function_code,
    {{ yuan('function_rows.total_yuan') }} as total_yuan,
    {{ yuan('function_rows.fiscal_appropriation_yuan') }} as fiscal_appropriation_yuan,
    {{ yuan('function_rows.superior_subsidy_yuan') }} as superior_subsidy_yuan,
    {{ yuan('function_rows.business_income_yuan') }} as business_income_yuan,
    {{ yuan('function_rows.operating_income_yuan') }} as operating_income_yuan,
    {{ yuan('function_rows.affiliated_remittance_yuan') }} as affiliated_remittance_yuan,
    {{ yuan('function_rows.other_income_yuan') }} as other_income_yuan,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(function_rows.function_name as varchar) as function_name_printed,
    cast(function_rows.source_page as integer) as source_page,
    cast(coalesce(document_tables.source_unit, documents.source_unit) as varchar) as source_unit
from function_rows
inner join documents
    on function_rows.document_id = documents.document_id
left join document_tables
    on function_rows.document_id = document_tables.document_id
