with

source as (
    select * from {{ source('raw', 'document_tables') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(table_code as varchar) as table_code,
        cast(standard_title as varchar) as standard_title,
        cast(title as varchar) as table_title,
        cast(printed_number as varchar) as printed_number,
        cast(unit as varchar) as source_unit,
        cast(pages as varchar) as pages,
        cast(first_page as integer) as first_page,
        cast(last_page as integer) as last_page,
        cast(is_empty as boolean) as is_empty,
        cast(note as varchar) as note,
        cast(row_count as integer) as row_count,
        cast(status as varchar) as table_status,
        cast(status_reason as varchar) as table_status_reason,
        cast(identities_checked as integer) as identities_checked,
        cast(identities_broken as integer) as identities_broken
    from source
)

select * from renamed
