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
),

-- every column of function_rows, plus the document's department, year and
-- kind and the unit the figures are printed in (the table's own, else the
-- document's); only loaded documents' rows
located as (
    select
        function_rows.*,
        documents.department_id,
        documents.fiscal_year,
        documents.document_kind,
        coalesce(document_tables.source_unit, documents.source_unit) as source_unit
    from function_rows
    inner join documents
        on function_rows.document_id = documents.document_id
    left join document_tables
        on
            function_rows.document_id = document_tables.document_id
            and function_rows.table_code = document_tables.table_code
)

select
    cast(document_id as varchar) as document_id,
    cast(function_code as varchar) as function_code,
    {{ yuan('total_yuan') }} as total_yuan,
    {{ yuan('fiscal_appropriation_yuan') }} as fiscal_appropriation_yuan,
    {{ yuan('superior_subsidy_yuan') }} as superior_subsidy_yuan,
    {{ yuan('business_income_yuan') }} as business_income_yuan,
    {{ yuan('operating_income_yuan') }} as operating_income_yuan,
    {{ yuan('affiliated_remittance_yuan') }} as affiliated_remittance_yuan,
    {{ yuan('other_income_yuan') }} as other_income_yuan,
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(document_kind as varchar) as document_kind,
    cast(function_name as varchar) as function_name_printed,
    cast(source_page as integer) as source_page,
    cast(source_unit as varchar) as source_unit
from located
