-- The headline figures of each department and year as the documents print
-- them: the 合计 row of the expenditure table (03, all funds) and of the
-- general public budget table (05) in the one budget and the one final account
-- compared for that department-year, each with its document and page. One row
-- per department-year: a SUM of one column over rows never double counts, but
-- never add two columns (budget and final, or all funds and the general public
-- budget, which is a part of all funds).
{%- set figures = [
    ('final', '03', 'final'), ('final', '05', 'final_general_budget'),
    ('budget', '03', 'budget'), ('budget', '05', 'budget_general_budget'),
] %}
with

pairs as (
    select * from {{ ref('int_comparison_documents') }}
    where table_code in ('03', '05')
),

printed_totals as (
    select
        document_id,
        table_code,
        total_yuan,
        source_page
    from {{ ref('int_function_rows_pivoted') }}
    where row_key = 'total'
    qualify row_number() over (partition by document_id, table_code order by row_seq) = 1
),

department_years as (
    select distinct department_id, fiscal_year from pairs
),

figures as (
    select
        department_years.department_id,
        department_years.fiscal_year,
        {%- for side, table_code, name in figures %}
        {{ name }}_pair.{{ side }}_document_id as {{ name }}_document_id,
        {{ name }}_total.total_yuan as {{ name }}_total_yuan,
        {{ name }}_total.source_page as {{ name }}_source_page{{ ',' if not loop.last }}
        {%- endfor %}
    from department_years
    {%- for side, table_code, name in figures %}
    left join pairs as {{ name }}_pair
        on
            department_years.department_id = {{ name }}_pair.department_id
            and department_years.fiscal_year = {{ name }}_pair.fiscal_year
            and {{ name }}_pair.table_code = '{{ table_code }}'
    left join printed_totals as {{ name }}_total
        on
            {{ name }}_pair.{{ side }}_document_id = {{ name }}_total.document_id
            and {{ name }}_total.table_code = '{{ table_code }}'
    {%- endfor %}
)

select
    cast(figures.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(figures.department_id as varchar) as department_id,
    {%- for side, table_code, name in figures %}
    {{ yuan('figures.' ~ name ~ '_total_yuan') }} as {{ name }}_total_yuan,
    cast(figures.{{ name }}_document_id as varchar) as {{ name }}_document_id,
    cast(figures.{{ name }}_source_page as integer) as {{ name }}_source_page,
    {%- endfor %}
    {{ yuan('figures.final_total_yuan - figures.budget_total_yuan') }} as difference_yuan,
    {{ percent_of('figures.final_total_yuan', 'figures.budget_total_yuan') }} as execution_rate
from figures
left join {{ ref('dim_department') }} as departments
    on figures.department_id = departments.department_id
