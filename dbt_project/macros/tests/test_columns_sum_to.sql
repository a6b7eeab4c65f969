{#
    Row-level arithmetic: on every row, total_column = sum of summand_columns,
    within tolerance_per_term for each summed term (the documents warn that unit
    conversion leaves rounding differences: 尾数误差). NULL summands count as zero;
    rows whose total is NULL are not checked.

    tolerance_per_term is a number or an SQL expression evaluated per row, e.g.
    "case when source_unit = '万元' then 100 else 0.01 end": 0.01 万元 is 100 元.

        data_tests:
          - columns_sum_to:
              arguments:
                total_column: total_yuan
                summand_columns: [basic_yuan, project_yuan]
                tolerance_per_term: 0.01
              config:
                severity: warn
#}
{% test columns_sum_to(model, total_column, summand_columns, tolerance_per_term=0.01) %}
    with checked as (
        select
            *,
            {% for column in summand_columns -%}
                coalesce({{ column }}, 0){{ ' + ' if not loop.last }}
            {%- endfor %} as summed_value,
            ({{ tolerance_per_term }}) * {{ summand_columns | length }} as tolerance
        from {{ model }}
        where {{ total_column }} is not null
    )

    select *
    from checked
    where abs({{ total_column }} - summed_value) > tolerance
{% endtest %}
