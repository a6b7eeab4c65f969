with

source as (
    select * from {{ source('raw', 'operating_costs') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        {{ yuan('amount_yuan') }} as amount_yuan,
        {{ yuan('initial_budget_yuan') }} as initial_budget_yuan,
        {{ yuan('change_yuan') }} as change_yuan,
        cast(change_rate as decimal(9, 2)) as change_rate,
        cast(change_base as varchar) as change_base,
        cast(explanation as varchar) as explanation,
        cast(source_page as integer) as source_page,
        cast(sentence as varchar) as sentence
    from source
)

select * from renamed
