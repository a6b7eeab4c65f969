with

source as (
    select * from {{ source('raw', 'state_assets') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(asset_item as varchar) as asset_item,
        cast(quantity as decimal(20, 2)) as quantity,
        cast(unit as varchar) as unit,
        {{ yuan('value_yuan') }} as value_yuan,
        cast(source_page as integer) as source_page,
        cast(sentence as varchar) as sentence
    from source
)

select * from renamed
