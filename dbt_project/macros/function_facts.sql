{#
    leaf_function_rows(table_codes): inside a model's `with`, the CTEs for the
    facts by function code. Emits function_rows (the leaf rows of those tables
    of int_function_rows_pivoted), documents, document_tables and located:
    every column of function_rows plus the document's department_id,
    fiscal_year and document_kind and the unit the figures are printed in (the
    table's own, else the document's). Only loaded documents' rows are kept.
#}
{% macro leaf_function_rows(table_codes) -%}
function_rows as (
    select * from {{ ref('int_function_rows_pivoted') }}
    where
        table_code in ('{{ table_codes | join("', '") }}')
        and is_leaf
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

document_tables as (
    select * from {{ ref('stg_raw__document_tables') }}
    where table_code in ('{{ table_codes | join("', '") }}')
),

located as (
    select
        function_rows.*,
        documents.department_id,
        documents.fiscal_year,
        documents.document_kind,
        coalesce(document_tables.source_unit, documents.source_unit) as source_unit
    from function_rows
    inner join documents
        on function_rows.document_id = documents.document_id
    left join document_tables
        on
            function_rows.document_id = document_tables.document_id
            and function_rows.table_code = document_tables.table_code
)
{%- endmacro %}
