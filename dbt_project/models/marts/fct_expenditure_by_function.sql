-- Expenditure by function code, leaf rows only, from tables 03 (all_funds),
-- 05 (general_public_budget), 07 (government_fund) and 08 (state_capital) of
-- loaded documents. A column the source table does not print is NULL.
with

function_rows as (
    select * from {{ ref('int_function_rows_pivoted') }}
    where
        table_code in ('03', '05', '07', '08')
        and is_leaf
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

document_tables as (
    select * from {{ ref('stg_raw__document_tables') }}
    where table_code in ('03', '05', '07', '08')
),

-- every column of function_rows, plus the document's department, year and
-- kind and the unit the figures are printed in (the table's own, else the
-- document's); only loaded documents' rows
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

select
    cast(document_id as varchar) as document_id,
    cast(function_code as varchar) as function_code,
    cast(
        case table_code
            when '03' then 'all_funds'
            when '05' then 'general_public_budget'
            when '07' then 'government_fund'
            when '08' then 'state_capital'
        end as varchar
    ) as fund_scope,
    {{ yuan('total_yuan') }} as total_yuan,
    {{ yuan('basic_yuan') }} as basic_yuan,
    {{ yuan('project_yuan') }} as project_yuan,
    {{ yuan('remit_to_higher_yuan') }} as remit_to_higher_yuan,
    {{ yuan('business_yuan') }} as business_yuan,
    {{ yuan('subsidy_to_affiliates_yuan') }} as subsidy_to_affiliates_yuan,
    {{ yuan('carryover_begin_yuan') }} as carryover_begin_yuan,
    {{ yuan('income_yuan') }} as income_yuan,
    {{ yuan('carryover_end_yuan') }} as carryover_end_yuan,
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(document_kind as varchar) as document_kind,
    cast(table_code as varchar) as table_code,
    cast(function_name as varchar) as function_name_printed,
    cast(source_page as integer) as source_page,
    cast(source_unit as varchar) as source_unit
from located
