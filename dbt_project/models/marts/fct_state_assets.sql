-- Part 3's 国有资产占用 section of loaded documents: vehicles in total and by
-- kind as printed, vehicles a budget plans to buy, equipment over a unit
-- value. One row per document and item; the first printed is kept.
with

assets as (
    select * from {{ ref('stg_raw__state_assets') }}
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

first_stated as (
    select *
    from assets
    qualify row_number() over (
        partition by document_id, asset_item order by source_page, quantity
    ) = 1
)

select
    cast(first_stated.document_id as varchar) as document_id,
    cast(first_stated.asset_item as varchar) as asset_item,
    cast(first_stated.quantity as decimal(20, 2)) as quantity,
    cast(first_stated.unit as varchar) as unit,
    {{ yuan('first_stated.value_yuan') }} as value_yuan,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(first_stated.source_page as integer) as source_page,
    cast(first_stated.sentence as varchar) as sentence
from first_stated
inner join documents
    on first_stated.document_id = documents.document_id
