-- One row per function code and year, with the name printed that year
-- (names change between years, e.g. 医疗卫生与计划生育支出 → 卫生健康支出).
select
    cast(function_code as varchar) as function_code,
    cast(fiscal_year as integer) as fiscal_year,
    cast(function_name as varchar) as function_name
from {{ ref('int_function_subject_names_by_year') }}
where fiscal_year is not null
