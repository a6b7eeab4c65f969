{#
    Fails for every combination of the given columns that occurs more than once.
    The composite-key counterpart of dbt's built-in `unique` test.

        data_tests:
          - unique_combination_of_columns:
              arguments:
                combination_of_columns: [document_id, function_code]
#}
{% test unique_combination_of_columns(model, combination_of_columns) %}
    {%- set key_list = combination_of_columns | join(', ') %}
    select
        {{ key_list }},
        count(*) as occurrences
    from {{ model }}
    group by {{ key_list }}
    having count(*) > 1
{% endtest %}
