-- One row per function code and fiscal year seen in a loaded document, with
-- the name printed that year. When documents of one year print different
-- names, the most frequent wins, then the alphabetically first.
with

subject_rows as (
    select * from {{ ref('int_function_rows_pivoted') }}
    where function_code is not null
),

documents as (
    select
        document_id,
        fiscal_year
    from {{ ref('int_documents_loaded') }}
),

name_counts as (
    select
        subject_rows.function_code,
        documents.fiscal_year,
        subject_rows.function_name,
        count(*) as times_printed
    from subject_rows
    inner join documents
        on subject_rows.document_id = documents.document_id
    group by all
)

select
    function_code,
    fiscal_year,
    function_name,
    times_printed
from name_counts
qualify row_number() over (
    partition by function_code, fiscal_year
    order by function_name is null, times_printed desc, function_name asc
) = 1
