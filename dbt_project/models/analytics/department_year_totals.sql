-- The headline figures of each department and year as the documents print
-- them: the 合计 row of the expenditure table (03, all funds) and of the
-- general public budget table (05) in the one budget and the one final account
-- compared for that department-year, each with its document and page. One row
-- per department-year: a SUM of one column over rows never double counts, but
-- never add two columns (budget and final, or all funds and the general public
-- budget, which is a part of all funds).
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

sides as (
    select
        department_id,
        fiscal_year,
        table_code,
        'final' as side,
        final_document_id as document_id
    from pairs

    union all

    select
        department_id,
        fiscal_year,
        table_code,
        'budget' as side,
        budget_document_id as document_id
    from pairs
),

located as (
    select
        sides.*,
        printed_totals.total_yuan,
        printed_totals.source_page
    from sides
    left join printed_totals
        on
            sides.document_id = printed_totals.document_id
            and sides.table_code = printed_totals.table_code
),

figures as (
    select
        department_id,
        fiscal_year,
        max(document_id) filter (
            where side = 'final' and table_code = '03'
        ) as final_document_id,
        max(total_yuan) filter (
            where side = 'final' and table_code = '03'
        ) as final_total_yuan,
        max(source_page) filter (
            where side = 'final' and table_code = '03'
        ) as final_source_page,
        max(document_id) filter (
            where side = 'final' and table_code = '05'
        ) as final_general_budget_document_id,
        max(total_yuan) filter (
            where side = 'final' and table_code = '05'
        ) as final_general_budget_total_yuan,
        max(source_page) filter (
            where side = 'final' and table_code = '05'
        ) as final_general_budget_source_page,
        max(document_id) filter (
            where side = 'budget' and table_code = '03'
        ) as budget_document_id,
        max(total_yuan) filter (
            where side = 'budget' and table_code = '03'
        ) as budget_total_yuan,
        max(source_page) filter (
            where side = 'budget' and table_code = '03'
        ) as budget_source_page,
        max(document_id) filter (
            where side = 'budget' and table_code = '05'
        ) as budget_general_budget_document_id,
        max(total_yuan) filter (
            where side = 'budget' and table_code = '05'
        ) as budget_general_budget_total_yuan,
        max(source_page) filter (
            where side = 'budget' and table_code = '05'
        ) as budget_general_budget_source_page
    from located
    group by department_id, fiscal_year
)

select
    cast(figures.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(figures.department_id as varchar) as department_id,
    {{ yuan('figures.final_total_yuan') }} as final_total_yuan,
    cast(figures.final_document_id as varchar) as final_document_id,
    cast(figures.final_source_page as integer) as final_source_page,
    {{ yuan('figures.final_general_budget_total_yuan') }} as final_general_budget_total_yuan,
    cast(figures.final_general_budget_document_id as varchar) as final_general_budget_document_id,
    cast(figures.final_general_budget_source_page as integer) as final_general_budget_source_page,
    {{ yuan('figures.budget_total_yuan') }} as budget_total_yuan,
    cast(figures.budget_document_id as varchar) as budget_document_id,
    cast(figures.budget_source_page as integer) as budget_source_page,
    {{ yuan('figures.budget_general_budget_total_yuan') }} as budget_general_budget_total_yuan,
    cast(figures.budget_general_budget_document_id as varchar) as budget_general_budget_document_id,
    cast(figures.budget_general_budget_source_page as integer) as budget_general_budget_source_page,
    {{ yuan('figures.final_total_yuan - figures.budget_total_yuan') }} as difference_yuan,
    {{ percent_of('figures.final_total_yuan', 'figures.budget_total_yuan') }} as execution_rate
from figures
left join {{ ref('dim_department') }} as departments
    on figures.department_id = departments.department_id
