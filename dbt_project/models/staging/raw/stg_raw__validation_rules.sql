with

source as (
    select * from {{ source('raw', 'validation_rules') }}
),

renamed as (
    select
        cast(rule_id as varchar) as rule_id,
        cast(severity as varchar) as severity,
        cast(table_codes as varchar) as table_codes,
        cast(identity as varchar) as rule_identity,
        cast(description as varchar) as description
    from source
)

select * from renamed
