{#
    Helpers for the classification codes (支出功能分类 and 经济分类).
    A code's level follows from its length; its parent is the code one level up.
#}

{# 'class' (类) / 'section' (款) / 'item' (项) from a 3/5/7-digit code, else NULL. #}
{% macro code_level(code) -%}
    case length({{ code }})
        when 3 then 'class'
        when 5 then 'section'
        when 7 then 'item'
    end
{%- endmacro %}

{# The code one level up: 2060101 -> 20601 -> 206 -> NULL. #}
{% macro parent_code(code) -%}
    case length({{ code }})
        when 5 then left({{ code }}, 3)
        when 7 then left({{ code }}, 5)
    end
{%- endmacro %}

{# True when the value is a classification code (digits only). #}
{% macro is_classification_code(value) -%}
    regexp_full_match({{ value }}, '[0-9]+')
{%- endmacro %}

{#
    Strip a leading copy of the code from a printed name, so that
    '2060101 行政运行' and '行政运行' both give '行政运行'.
#}
{% macro printed_subject_name(label, code) -%}
    nullif(trim(regexp_replace({{ label }}, '^\s*' || {{ code }} || '[\s.:：、-]*', '')), '')
{%- endmacro %}

{#
    A department name as printed, made comparable: whitespace removed, a
    leading '部门：' dropped, and the CJK Radicals characters that some PDFs
    use instead of ideographs (⻔ U+2ED4, ⻋ U+2ECB …) replaced; NFKC does not
    fix those.
#}
{% macro normalise_department_name(name) -%}
    nullif(
        replace(replace(replace(replace(replace(
            regexp_replace(
                regexp_replace({{ name }}, '\s+', '', 'g'),
                '^(部门|单位|预算主管部门)[:：]', ''
            ),
            '⻔', '门'), '⻋', '车'), '⻓', '长'), '⻛', '风'), '⻜', '飞'),
        ''
    )
{%- endmacro %}
