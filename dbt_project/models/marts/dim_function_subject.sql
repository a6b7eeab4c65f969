-- One row per function classification code seen in any function table of a
-- loaded document, at any level (subtotal rows included). The name is the one
-- printed in the newest year that printed a name.
with

names_by_year as (
    select * from {{ ref('int_function_subject_names_by_year') }}
),

subjects as (
    select
        function_code,
        arg_max(function_name, coalesce(fiscal_year, 0)) filter (where function_name is not null)
            as function_name,
        min(fiscal_year) as first_year,
        max(fiscal_year) as last_year
    from names_by_year
    group by function_code
)

select
    cast(function_code as varchar) as function_code,
    cast({{ code_level('function_code') }} as varchar) as level,
    cast(function_name as varchar) as function_name,
    cast(left(function_code, 3) as varchar) as class_code,
    cast(case when length(function_code) >= 5 then left(function_code, 5) end as varchar)
        as section_code,
    cast({{ parent_code('function_code') }} as varchar) as parent_code,
    cast(first_year as integer) as first_year,
    cast(last_year as integer) as last_year
from subjects
