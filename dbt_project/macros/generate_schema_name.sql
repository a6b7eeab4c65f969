{#
    Models land in exactly the schema their folder configures (staging,
    intermediate, marts), not in '<target schema>_<custom schema>' as dbt does
    by default. Without a custom schema, the target's schema is used.
#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
