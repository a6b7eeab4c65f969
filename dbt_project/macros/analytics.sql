{#
    Helpers for the analytics models: the names that go beside a code, so an
    analyst never needs a join.

    function_hierarchy_joins(code, year): left joins that name a function
    code's class (类), section (款) and item (项) with the names printed that
    fiscal year (dim_function_subject_name), else the newest name
    (dim_function_subject), and the class's English name (seed
    function_class_names). Use with function_hierarchy_columns(code).
#}
{% macro function_hierarchy_joins(code, year) -%}
    {%- for level, length in [('class', 3), ('section', 5), ('item', 7)] %}
    left join {{ ref('dim_function_subject_name') }} as {{ level }}_printed
        on
            length({{ code }}) >= {{ length }}
            and left({{ code }}, {{ length }}) = {{ level }}_printed.function_code
            and {{ year }} = {{ level }}_printed.fiscal_year
    left join {{ ref('dim_function_subject') }} as {{ level }}_subject
        on
            length({{ code }}) >= {{ length }}
            and left({{ code }}, {{ length }}) = {{ level }}_subject.function_code
    {%- endfor %}
    left join {{ ref('function_class_names') }} as class_english
        on left({{ code }}, 3) = class_english.class_code
{%- endmacro %}

{# The columns those joins name: codes and names of the three levels. #}
{% macro function_hierarchy_columns(code) -%}
    cast(case length({{ code }}) when 3 then 'class' when 5 then 'section' when 7 then 'item' end as varchar)
        as function_level,
    cast(coalesce(
        item_printed.function_name, item_subject.function_name,
        section_printed.function_name, section_subject.function_name,
        class_printed.function_name, class_subject.function_name
    ) as varchar) as function_name,
    cast(left({{ code }}, 3) as varchar) as class_code,
    cast(coalesce(class_printed.function_name, class_subject.function_name) as varchar) as class_name,
    cast(class_english.class_name_en as varchar) as class_name_en,
    cast(case when length({{ code }}) >= 5 then left({{ code }}, 5) end as varchar) as section_code,
    cast(coalesce(section_printed.function_name, section_subject.function_name) as varchar)
        as section_name,
    cast(case when length({{ code }}) = 7 then {{ code }} end as varchar) as item_code,
    cast(coalesce(item_printed.function_name, item_subject.function_name) as varchar) as item_name
{%- endmacro %}

{#
    department_columns(department_id): the department's name and region
    (needs `left join ref('dim_department') as departments`).
#}
{% macro department_columns() -%}
    cast(departments.region as varchar) as region,
    cast(departments.department_name as varchar) as department_name
{%- endmacro %}

{# A value as an SQL string literal (NULL for none), for data written into a model's SQL. #}
{% macro sql_text(value) -%}
    {%- if value is none -%}null{%- else -%}'{{ value | string | trim | replace("'", "''") }}'{%- endif -%}
{%- endmacro %}
