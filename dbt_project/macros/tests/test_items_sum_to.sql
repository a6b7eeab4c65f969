{#
    Arithmetic across rows of a long table: within each group, the value of the
    total_item row = sum of the part_items rows, within tolerance_per_term for
    each part present. Groups that lack the total row or every part row are not
    checked (a table need not print every item).

        data_tests:
          - items_sum_to:
              arguments:
                group_by_columns: [document_id]
                item_column: cost_item
                value_column: actual_yuan
                total_item: vehicles
                part_items: [vehicle_purchase, vehicle_operation]
              config:
                severity: warn
#}
{% test items_sum_to(
    model,
    group_by_columns,
    item_column,
    value_column,
    total_item,
    part_items,
    tolerance_per_term=0.01
) %}
    {%- set group_list = group_by_columns | join(', ') %}
    {%- set part_list -%}
        {%- for item in part_items -%}'{{ item }}'{{ ', ' if not loop.last }}{%- endfor -%}
    {%- endset %}
    with totals as (
        select
            {{ group_list }},
            sum({{ value_column }}) as total_value
        from {{ model }}
        where {{ item_column }} = '{{ total_item }}'
        group by {{ group_list }}
    ),

    parts as (
        select
            {{ group_list }},
            sum(coalesce({{ value_column }}, 0)) as parts_value,
            count(*) as part_count
        from {{ model }}
        where {{ item_column }} in ({{ part_list }})
        group by {{ group_list }}
    )

    select
        totals.*,
        parts.parts_value,
        totals.total_value - parts.parts_value as difference
    from totals
    inner join parts using ({{ group_list }})
    where abs(coalesce(totals.total_value, 0) - parts.parts_value)
        > ({{ tolerance_per_term }}) * parts.part_count
{% endtest %}
