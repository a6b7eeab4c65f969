-- One row per ingested PDF, whatever its status.
select
    cast(document_id as varchar) as document_id,
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(document_kind as varchar) as document_kind,
    cast(reporting_scope as varchar) as reporting_scope,
    cast(source_unit as varchar) as source_unit,
    cast(source_file as varchar) as source_file,
    cast(sha256 as varchar) as sha256,
    cast(page_count as integer) as page_count,
    cast(ingested_at as timestamp) as ingested_at,
    cast(status as varchar) as status,
    cast(status_reason as varchar) as status_reason,
    cast(department_name_printed as varchar) as department_name_printed,
    cast(region as varchar) as region_printed,
    cast(extractor_version as varchar) as extractor_version,
    cast(extraction_seconds as double) as extraction_seconds,
    cast(tables_found as integer) as tables_found,
    cast(tables_empty as integer) as tables_empty,
    cast(tables_withheld as integer) as tables_withheld,
    cast(tables_not_found as integer) as tables_not_found
from {{ ref('int_documents_enriched') }}
