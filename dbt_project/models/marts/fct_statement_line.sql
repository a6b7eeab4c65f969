-- The summary statements 01 (收入支出决算总表) and 04 (财政拨款收入支出决算总表)
-- of loaded documents: one row per printed line and fund column, totals and
-- carry-overs included (a statement's lines are not a hierarchy of codes).
with

statement_lines as (
    select * from {{ ref('int_statement_lines_scoped') }}
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

document_tables as (
    select * from {{ ref('stg_raw__document_tables') }}
    where table_code in ('01', '04')
)

select
    cast(statement_lines.document_id as varchar) as document_id,
    cast(statement_lines.table_code as varchar) as table_code,
    cast(statement_lines.side as varchar) as side,
    cast(statement_lines.line_item as varchar) as line_item,
    cast(statement_lines.fund_scope as varchar) as fund_scope,
    {{ yuan('statement_lines.amount_yuan') }} as amount_yuan,
    cast(statement_lines.line_no as integer) as line_no,
    cast(statement_lines.row_seq as integer) as line_seq,
    cast(statement_lines.line_label as varchar) as line_label,
    cast(statement_lines.column_label as varchar) as column_label,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(statement_lines.source_page as integer) as source_page,
    cast(coalesce(document_tables.source_unit, documents.source_unit) as varchar) as source_unit
from statement_lines
inner join documents
    on statement_lines.document_id = documents.document_id
left join document_tables
    on
        statement_lines.document_id = document_tables.document_id
        and statement_lines.table_code = document_tables.table_code
