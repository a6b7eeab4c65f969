{#
    Every foreign key of a model at once: each non-NULL value of each key
    column is present in the column it references. One query per model instead
    of one relationships test per column (a nightly build runs every test, and
    dbt's cost is per test); a failing row names the column and the value.

        data_tests:
          - foreign_keys:
              arguments:
                keys:
                  - {column: document_id, to: ref('dim_document'), field: document_id}
                  - {column: fiscal_year, to: ref('dim_fiscal_year'), field: fiscal_year}
#}
{% test foreign_keys(model, keys) %}
    {% for key in keys %}
        select
            '{{ key.column }}' as key_column,
            cast(child.{{ key.column }} as varchar) as missing_value,
            count(*) as rows_affected
        from {{ model }} as child
        left join {{ key.to }} as parent
            on child.{{ key.column }} = parent.{{ key.field }}
        where child.{{ key.column }} is not null and parent.{{ key.field }} is null
        group by all
        {{ 'union all' if not loop.last }}
    {% endfor %}
{% endtest %}
