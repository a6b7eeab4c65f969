-- One row per economic classification code seen in table 06 of a loaded
-- document. cost_group follows the class: 301 and 303 are personnel
-- (人员经费), 302 public (公用经费), 310 capital (资本性), the rest other;
-- sections inherit their class's group.
with

names_by_year as (
    select * from {{ ref('int_economic_subject_names_by_year') }}
),

subjects as (
    select
        economic_code,
        arg_max(economic_name, coalesce(fiscal_year, 0)) filter (where economic_name is not null)
            as economic_name,
        min(fiscal_year) as first_year,
        max(fiscal_year) as last_year
    from names_by_year
    group by economic_code
)

select
    cast(economic_code as varchar) as economic_code,
    cast(case length(economic_code) when 3 then 'class' when 5 then 'section' end as varchar)
        as level,
    cast(economic_name as varchar) as economic_name,
    cast(case when length(economic_code) = 5 then left(economic_code, 3) end as varchar)
        as parent_code,
    cast(
        case left(economic_code, 3)
            when '301' then 'personnel'
            when '303' then 'personnel'
            when '302' then 'public'
            when '310' then 'capital'
            else 'other'
        end as varchar
    ) as cost_group,
    cast(left(economic_code, 3) as varchar) as class_code,
    cast(first_year as integer) as first_year,
    cast(last_year as integer) as last_year
from subjects
