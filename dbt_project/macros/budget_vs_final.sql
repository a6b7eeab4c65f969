{#
    The budget-against-final-account comparison shared by the
    fct_budget_vs_final_* marts. Emits, inside a model's `with`, the CTEs

    pairs        int_comparison_documents for the given table codes: per
                 department-year (and table), the one budget and the one final
                 account whose rows are compared;
    budget_rows / final_rows
                 the facts of those two documents;
    compared     the full outer join of the two sides on department, fiscal
                 year and the `keys`: the coalesced keys, the `measures`,
                 has_budget / has_final and the source pages of each side;
    measured     compared with the pair's budget_document_id /
                 final_document_id and both_documents (both exist).

    facts:       the relation holding the rows of both kinds of document, with
                 document_id, department_id, fiscal_year and source_page.
    table_codes: the tables compared. With more than one, the facts carry
                 table_code and each table is paired on its own (its own
                 pair of documents); the row's table_code is then in compared.
    keys:        the columns that identify a row within a department-year.
    measures:    output column name -> expression over budget_rows / final_rows.
#}
{% macro budget_vs_final(facts, table_codes, keys, measures) -%}
    {%- set per_table = table_codes | length > 1 -%}
pairs as (
    select * from {{ ref('int_comparison_documents') }}
    where table_code in ('{{ table_codes | join("', '") }}')
),

facts as (
    select * from {{ facts }}
),

{% for side in ['budget', 'final'] -%}
{{ side }}_rows as (
    select facts.*
    from facts
    inner join pairs
        on
            facts.document_id = pairs.{{ side }}_document_id
            {%- if per_table %}
            and facts.table_code = pairs.table_code
            {%- endif %}
),

{% endfor -%}

compared as (
    select
        {%- for column in ['department_id', 'fiscal_year'] + keys + (['table_code'] if per_table else []) %}
        coalesce(budget_rows.{{ column }}, final_rows.{{ column }}) as {{ column }},
        {%- endfor %}
        {%- for name, expression in measures.items() %}
        {{ expression }} as {{ name }},
        {%- endfor %}
        budget_rows.document_id is not null as has_budget,
        final_rows.document_id is not null as has_final,
        budget_rows.source_page as budget_source_page,
        final_rows.source_page as final_source_page
    from budget_rows
    full outer join final_rows
        on
            {%- for column in ['department_id', 'fiscal_year'] + keys %}
            {% if not loop.first %}and {% endif %}budget_rows.{{ column }} = final_rows.{{ column }}
            {%- endfor %}
),

measured as (
    select
        compared.*,
        pairs.budget_document_id,
        pairs.final_document_id,
        pairs.budget_document_id is not null and pairs.final_document_id is not null
            as both_documents
    from compared
    inner join pairs
        on
            compared.department_id = pairs.department_id
            and compared.fiscal_year = pairs.fiscal_year
            {%- if per_table %}
            and compared.table_code = pairs.table_code
            {%- endif %}
)
{%- endmacro %}

{#
    Final minus budget, where a side that does not print the row counts as 0;
    NULL unless both documents exist (needs both_documents, from measured).
#}
{% macro budget_vs_final_difference(final, budget) -%}
    {{ yuan('case when both_documents then coalesce(' ~ final ~ ', 0) - coalesce(' ~ budget ~ ', 0) end') }}
{%- endmacro %}

{# Final as a percentage of budget, on the same terms as the difference. #}
{% macro budget_vs_final_execution_rate(final, budget) -%}
    {{ percent_of('case when both_documents then coalesce(' ~ final ~ ', 0) end', budget) }}
{%- endmacro %}

{# The pair's document ids and which side printed the row, as the marts type them. #}
{% macro budget_vs_final_document_columns() -%}
    cast(budget_document_id as varchar) as budget_document_id,
    cast(final_document_id as varchar) as final_document_id,
    cast(has_budget as boolean) as has_budget,
    cast(has_final as boolean) as has_final
{%- endmacro %}
