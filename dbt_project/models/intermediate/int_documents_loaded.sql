-- Only documents whose status is 'loaded' feed the facts; quarantined and
-- withdrawn documents appear in dim_document only.
select *
from {{ ref('int_documents_enriched') }}
where status = 'loaded'
