{#
    The rules of the measures shared by the fct_budget_vs_final_* marts
    (models/marts/_comparisons.yml): a side that does not print the row counts
    as 0, and the result is NULL unless both documents of the pair exist.
    final, budget: the two sides' amounts; both_documents: true when the pair
    has a budget and a final account.
#}

{# Final minus budget, yuan. #}
{% macro budget_vs_final_difference(final, budget, both_documents) -%}
    {{ yuan('case when ' ~ both_documents ~ ' then coalesce(' ~ final ~ ', 0) - coalesce(' ~ budget ~ ', 0) end') }}
{%- endmacro %}

{# Final as a percentage of budget (percent_of), DECIMAL(9,2). #}
{% macro budget_vs_final_execution_rate(final, budget, both_documents) -%}
    {{ percent_of('case when ' ~ both_documents ~ ' then coalesce(' ~ final ~ ', 0) end', budget) }}
{%- endmacro %}
