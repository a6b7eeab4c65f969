{#
    subject_names_by_year(subject_rows, code, name): one row per code and
    fiscal year seen in a loaded document, with the name printed that year.
    When documents of one year print different names, the most frequent wins,
    then the alphabetically first (a NULL name only when none is printed).
    subject_rows: the relation of printed rows (document_id, code, name).
#}
{% macro subject_names_by_year(subject_rows, code, name) -%}
with

subject_rows as (
    select * from {{ subject_rows }}
    where {{ code }} is not null
),

documents as (
    select
        document_id,
        fiscal_year
    from {{ ref('int_documents_loaded') }}
),

name_counts as (
    select
        subject_rows.{{ code }},
        documents.fiscal_year,
        subject_rows.{{ name }},
        count(*) as times_printed
    from subject_rows
    inner join documents
        on subject_rows.document_id = documents.document_id
    group by all
)

select
    {{ code }},
    fiscal_year,
    {{ name }},
    times_printed
from name_counts
qualify row_number() over (
    partition by {{ code }}, fiscal_year
    order by {{ name }} is null, times_printed desc, {{ name }} asc
) = 1
{%- endmacro %}
