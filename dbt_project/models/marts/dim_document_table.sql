-- One row per document and standard table of its kind's set, with what became of it.
with

document_tables as (
    select * from {{ ref('stg_raw__document_tables') }}
),

documents as (
    select * from {{ ref('int_documents_enriched') }}
)

select
    cast(document_tables.document_id as varchar) as document_id,
    cast(document_tables.table_code as varchar) as table_code,
    cast(documents.document_kind as varchar) as document_kind,
    cast(document_tables.standard_title as varchar) as standard_title,
    cast(document_tables.table_title as varchar) as printed_title,
    cast(document_tables.printed_number as varchar) as printed_number,
    cast(document_tables.pages as varchar) as pages,
    cast(document_tables.first_page as integer) as first_page,
    cast(document_tables.last_page as integer) as last_page,
    cast(document_tables.source_unit as varchar) as source_unit,
    cast(document_tables.row_count as integer) as row_count,
    cast(document_tables.table_status as varchar) as status,
    cast(document_tables.table_status_reason as varchar) as status_reason,
    cast(document_tables.identities_checked as integer) as identities_checked,
    cast(document_tables.identities_broken as integer) as identities_broken,
    cast(document_tables.note as varchar) as note
from document_tables
inner join documents
    on document_tables.document_id = documents.document_id
where documents.status <> 'withdrawn'
