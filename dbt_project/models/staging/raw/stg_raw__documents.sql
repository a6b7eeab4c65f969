with

source as (
    select * from {{ source('raw', 'documents') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(sha256 as varchar) as sha256,
        cast(source_file as varchar) as source_file,
        cast(page_count as integer) as page_count,
        cast(department_name as varchar) as department_name_printed,
        cast(region as varchar) as region,
        cast(fiscal_year as integer) as fiscal_year,
        cast(document_kind as varchar) as document_kind,
        cast(reporting_scope as varchar) as reporting_scope,
        cast(source_unit as varchar) as source_unit,
        cast(status as varchar) as status,
        cast(status_reason as varchar) as status_reason,
        cast(extractor_version as varchar) as extractor_version,
        cast(extraction_seconds as double) as extraction_seconds,
        cast(ingested_at as timestamp) as ingested_at
    from source
)

select * from renamed
