-- Expenditure by function code, leaf rows only, from tables 03 (all_funds),
-- 05 (general_public_budget), 07 (government_fund) and 08 (state_capital) of
-- loaded documents. A column the source table does not print is NULL.
with

{{ leaf_function_rows(['03', '05', '07', '08']) }}

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
