with

source as (
    select * from {{ source('raw', 'table_cells') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(table_code as varchar) as table_code,
        cast(row_seq as integer) as row_seq,
        cast(row_key as varchar) as row_key,
        cast(row_label as varchar) as row_label,
        cast(side as varchar) as side,
        cast(line_no as integer) as line_no,
        cast(column_key as varchar) as column_key,
        cast(column_label as varchar) as column_label,
        {{ yuan('amount_yuan') }} as amount_yuan,
        cast(source_page as integer) as source_page
    from source
)

select * from renamed
