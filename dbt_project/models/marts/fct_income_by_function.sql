-- Income by function code and source of money, leaf rows of table 02
-- (收入决算表) of loaded documents.
with

{{ leaf_function_rows(['02']) }}

select
    cast(document_id as varchar) as document_id,
    cast(function_code as varchar) as function_code,
    {{ yuan('total_yuan') }} as total_yuan,
    {{ yuan('fiscal_appropriation_yuan') }} as fiscal_appropriation_yuan,
    {{ yuan('superior_subsidy_yuan') }} as superior_subsidy_yuan,
    {{ yuan('business_income_yuan') }} as business_income_yuan,
    {{ yuan('operating_income_yuan') }} as operating_income_yuan,
    {{ yuan('affiliated_remittance_yuan') }} as affiliated_remittance_yuan,
    {{ yuan('other_income_yuan') }} as other_income_yuan,
    cast(department_id as varchar) as department_id,
    cast(fiscal_year as integer) as fiscal_year,
    cast(document_kind as varchar) as document_kind,
    cast(function_name as varchar) as function_name_printed,
    cast(source_page as integer) as source_page,
    cast(source_unit as varchar) as source_unit
from located
