with

source as (
    select * from {{ source('raw', 'narrative_figures') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(figure_key as varchar) as figure_key,
        {{ yuan('amount_yuan') }} as amount_yuan,
        cast(source_page as integer) as source_page,
        cast(sentence as varchar) as sentence
    from source
)

select * from renamed
