-- One row per economic code and fiscal year seen in a loaded document's
-- table 06, with the name printed that year (most frequent, then first).
with

subject_rows as (
    select * from {{ ref('int_economic_rows_flagged') }}
    where economic_code is not null
),

documents as (
    select
        document_id,
        fiscal_year
    from {{ ref('int_documents_loaded') }}
),

name_counts as (
    select
        subject_rows.economic_code,
        documents.fiscal_year,
        subject_rows.economic_name,
        count(*) as times_printed
    from subject_rows
    inner join documents
        on subject_rows.document_id = documents.document_id
    group by all
)

select
    economic_code,
    fiscal_year,
    economic_name,
    times_printed
from name_counts
qualify row_number() over (
    partition by economic_code, fiscal_year
    order by economic_name is null, times_printed desc, economic_name asc
) = 1
