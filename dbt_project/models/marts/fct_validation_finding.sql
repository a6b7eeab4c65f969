-- Validation findings of loaded, partial and quarantined documents (withdrawn files are
-- gone), one row per document, rule and location. When the validator wrote
-- the same finding twice, the most severe (then the first message) is kept.
-- source_page is read from the location where it names a page ('p.14').
with

findings as (
    select * from {{ ref('stg_raw__validation_findings') }}
),

documents as (
    select * from {{ ref('int_documents_enriched') }}
    where status in ('loaded', 'partial', 'quarantined')
),

deduplicated as (
    select *
    from findings
    qualify row_number() over (
        partition by document_id, rule_id, location
        order by
            case severity when 'error' then 0 when 'warning' then 1 else 2 end,
            message
    ) = 1
)

select
    cast(deduplicated.document_id as varchar) as document_id,
    cast(deduplicated.rule_id as varchar) as rule_id,
    cast(deduplicated.location as varchar) as location,
    cast(deduplicated.severity as varchar) as severity,
    cast(deduplicated.table_code as varchar) as table_code,
    {{ yuan('deduplicated.expected_yuan') }} as expected_yuan,
    {{ yuan('deduplicated.actual_yuan') }} as actual_yuan,
    {{ yuan('deduplicated.difference_yuan') }} as difference_yuan,
    cast(deduplicated.message as varchar) as message,
    cast(deduplicated.message_zh as varchar) as message_zh,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(documents.status as varchar) as document_status,
    cast(
        nullif(regexp_extract(deduplicated.location, 'p\.?\s*([0-9]+)', 1), '') as integer
    ) as source_page
from deduplicated
inner join documents
    on deduplicated.document_id = documents.document_id
