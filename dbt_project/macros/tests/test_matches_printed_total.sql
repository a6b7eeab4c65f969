{#
    The totals of an analytics model equal the documents' own printed totals:
    for every document the model draws on, the sum of amount_column over its
    rows = the 合计 row that the document prints in table table_code
    (printed_column of int_function_rows_pivoted for 03/05/07/08, of
    int_three_public_costs_pivoted for 09; for 06 its 合计 row, else its
    footers 人员经费合计 + 公用经费合计), within rounding (one step of the
    printed unit per non-zero term: 100 yuan in 万元, 1 yuan in 元).

    A document whose own sums for that table are broken (a grand-total or
    hierarchy finding of the validator: the source contradicts itself, and the
    finding says so) is not held to it, and a table that prints no 合计 row
    cannot be checked. What the test guards is the model: a second copy of a
    document added in, a subtotal added to its parts, a row lost in a join.

        data_tests:
          - matches_printed_total:
              arguments: {document_column: document_id, amount_column: total_yuan, table_code: '03'}
#}
{% test matches_printed_total(model, document_column, amount_column, table_code, printed_column='total_yuan') %}
    with model_totals as (
        select
            {{ document_column }} as document_id,
            sum({{ amount_column }}) as model_total,
            count(*) filter (where coalesce({{ amount_column }}, 0) <> 0) as terms
        from {{ model }}
        where {{ document_column }} is not null
        group by {{ document_column }}
    ),

    printed as (
        {%- if table_code == '09' %}
        select document_id, {{ printed_column }} as printed_total, source_page
        from {{ ref('int_three_public_costs_pivoted') }}
        where cost_item = 'total'
        {%- elif table_code == '06' %}
        -- budgets print a 合计 row; final accounts the two footers 人员经费合计 and 公用经费合计
        select
            document_id,
            coalesce(
                max(amount_yuan) filter (where row_key = 'total'),
                sum(amount_yuan) filter (where row_key in ('personnel_total', 'public_total'))
            ) as printed_total,
            min(source_page) as source_page
        from {{ ref('int_economic_rows_flagged') }}
        where row_kind <> 'code'
        group by document_id
        {%- else %}
        select document_id, {{ printed_column }} as printed_total, source_page
        from {{ ref('int_function_rows_pivoted') }}
        where table_code = '{{ table_code }}' and row_key = 'total'
        qualify row_number() over (partition by document_id order by row_seq) = 1
        {%- endif %}
    ),

    units as (
        select document_id, source_unit
        from {{ ref('dim_document_table') }}
        where table_code = '{{ table_code }}'
    ),

    inconsistent as (
        select distinct document_id
        from {{ ref('fct_validation_finding') }}
        where
            table_code = '{{ table_code }}'
            and severity in ('error', 'warning')
            and regexp_matches(rule_id, '^T{{ table_code }}_(GRAND_TOTAL|HIERARCHY|ITEMS|UNITS|TOTAL|VEHICLES|PERSONNEL_TOTAL|PUBLIC_TOTAL)$')
    )

    select
        model_totals.document_id,
        model_totals.model_total,
        printed.printed_total,
        printed.source_page,
        model_totals.model_total - printed.printed_total as difference
    from model_totals
    inner join printed
        on model_totals.document_id = printed.document_id
    left join units
        on model_totals.document_id = units.document_id
    where
        printed.printed_total is not null
        and model_totals.document_id not in (select document_id from inconsistent)
        and abs(coalesce(model_totals.model_total, 0) - printed.printed_total)
            > case when units.source_unit = '万元' then 100 else 1 end
            * greatest(model_totals.terms, 1)
{% endtest %}
