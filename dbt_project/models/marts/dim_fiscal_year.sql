-- One row per fiscal year present in any ingested document.
select
    cast(fiscal_year as integer) as fiscal_year,
    cast(count(*) as integer) as document_count,
    cast(count(*) filter (where status = 'loaded') as integer) as loaded_document_count,
    cast(count(*) filter (where status = 'partial') as integer) as partial_document_count,
    cast(count(distinct department_id) as integer) as department_count
from {{ ref('int_documents_enriched') }}
where fiscal_year is not null
group by fiscal_year
