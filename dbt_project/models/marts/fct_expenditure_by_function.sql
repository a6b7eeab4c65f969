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
)

select
    cast(function_rows.document_id as varchar) as document_id,
    cast(function_rows.function_code as varchar) as function_code,
    cast(
        case function_rows.table_code
            when '03' then 'all_funds'
            when '05' then 'general_public_budget'
            when '07' then 'government_fund'
            when '08' then 'state_capital'
        end as varchar
    ) as fund_scope,
    {{ yuan('function_rows.total_yuan') }} as total_yuan,
    {{ yuan('function_rows.basic_yuan') }} as basic_yuan,
    {{ yuan('function_rows.project_yuan') }} as project_yuan,
    {{ yuan('function_rows.remit_to_higher_yuan') }} as remit_to_higher_yuan,
    {{ yuan('function_rows.business_yuan') }} as business_yuan,
    {{ yuan('function_rows.subsidy_to_affiliates_yuan') }} as subsidy_to_affiliates_yuan,
    {{ yuan('function_rows.carryover_begin_yuan') }} as carryover_begin_yuan,
    {{ yuan('function_rows.income_yuan') }} as income_yuan,
    {{ yuan('function_rows.carryover_end_yuan') }} as carryover_end_yuan,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(function_rows.table_code as varchar) as table_code,
    cast(function_rows.function_name as varchar) as function_name_printed,
    cast(function_rows.source_page as integer) as source_page,
    cast(coalesce(document_tables.source_unit, documents.source_unit) as varchar) as source_unit
from function_rows
inner join documents
    on function_rows.document_id = documents.document_id
left join document_tables
    on
        function_rows.document_id = document_tables.document_id
        and function_rows.table_code = document_tables.table_code
