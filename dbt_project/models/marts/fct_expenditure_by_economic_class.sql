-- Basic expenditure of the general public budget by economic code (table 06),
-- leaf codes only, of loaded documents. The 人员经费合计 / 公用经费合计 footer
-- rows are not facts.
with

economic_rows as (
    select * from {{ ref('int_economic_rows_flagged') }}
    where
        row_kind = 'code'
        and is_leaf
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

document_tables as (
    select * from {{ ref('stg_raw__document_tables') }}
    where table_code = '06'
)

select
    cast(economic_rows.document_id as varchar) as document_id,
    cast(economic_rows.economic_code as varchar) as economic_code,
    {{ yuan('economic_rows.amount_yuan') }} as amount_yuan,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(economic_rows.economic_name as varchar) as economic_name_printed,
    cast(economic_rows.source_page as integer) as source_page,
    cast(coalesce(document_tables.source_unit, documents.source_unit) as varchar) as source_unit
from economic_rows
inner join documents
    on economic_rows.document_id = documents.document_id
left join document_tables
    on economic_rows.document_id = document_tables.document_id
