with

source as (
    select * from {{ source('raw', 'validation_findings') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(rule_id as varchar) as rule_id,
        cast(location as varchar) as location,
        cast(severity as varchar) as severity,
        cast(table_code as varchar) as table_code,
        {{ yuan('expected_yuan') }} as expected_yuan,
        {{ yuan('actual_yuan') }} as actual_yuan,
        {{ yuan('difference_yuan') }} as difference_yuan,
        cast(message as varchar) as message,
        cast(message_zh as varchar) as message_zh
    from source
)

select * from renamed
