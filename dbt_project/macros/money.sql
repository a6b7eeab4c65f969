{#
    Money is exact: DECIMAL(20,2) yuan, never floating point.
    yuan(expr) casts an expression to the warehouse's money type.
#}
{% macro yuan(expression) -%}
    cast({{ expression }} as decimal(20, 2))
{%- endmacro %}
