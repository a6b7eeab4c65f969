-- Documents whose tables feed the facts: 'loaded' ones, and 'partial' ones
-- (whose withheld tables have no cells). Quarantined and withdrawn documents
-- appear in dim_document only.
select *
from {{ ref('int_documents_enriched') }}
where status in ('loaded', 'partial')
