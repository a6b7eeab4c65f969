with

source as (
    select * from {{ source('raw', 'budget_execution') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(function_code as varchar) as function_code,
        cast(function_label as varchar) as function_label,
        {{ yuan('initial_budget_yuan') }} as initial_budget_yuan,
        {{ yuan('final_yuan') }} as final_yuan,
        cast(completion_rate as decimal(9, 2)) as completion_rate,
        cast(explanation as varchar) as explanation,
        cast(source_page as integer) as source_page
    from source
)

select * from renamed
