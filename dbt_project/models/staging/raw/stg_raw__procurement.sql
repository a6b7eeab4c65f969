with

source as (
    select * from {{ source('raw', 'procurement') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(category as varchar) as category,
        {{ yuan('amount_yuan') }} as amount_yuan,
        cast(share_percent as decimal(9, 2)) as share_percent,
        cast(source_page as integer) as source_page,
        cast(sentence as varchar) as sentence
    from source
)

select * from renamed
