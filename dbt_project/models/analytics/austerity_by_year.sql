-- The two headline figures of austerity reporting side by side, per
-- department and year: 机关运行经费 (Part 3's running costs) and the "三公"
-- costs (table 09), each as budgeted (the budget document) and as spent (the
-- final account). When a department-year has two documents of a kind stating
-- running costs, one is used: a department-scope (部门) document before a unit
-- (单位) one, then the latest ingested, then the smallest document_id. Never
-- add the running costs and the 三公 columns: they overlap (公务用车运行维护费
-- is part of both).
with

operating_costs as (
    select
        operating.*,
        documents.reporting_scope,
        documents.ingested_at
    from {{ ref('fct_operating_cost') }} as operating
    inner join {{ ref('int_documents_loaded') }} as documents
        on operating.document_id = documents.document_id
    where operating.department_id is not null and operating.fiscal_year is not null
),

chosen_operating as (
    select *
    from operating_costs
    qualify row_number() over (
        partition by department_id, fiscal_year, document_kind
        order by
            case reporting_scope when 'department' then 0 when 'unit' then 2 else 1 end asc,
            ingested_at desc,
            document_id asc
    ) = 1
),

operating_by_year as (
    select
        department_id,
        fiscal_year,
        max(amount_yuan) filter (where document_kind = 'budget') as budget_operating_cost_yuan,
        max(amount_yuan) filter (where document_kind = 'final_account') as actual_operating_cost_yuan,
        max(initial_budget_yuan) filter (where document_kind = 'final_account')
            as final_printed_operating_budget_yuan,
        max(change_yuan) filter (where document_kind = 'final_account') as actual_operating_change_yuan,
        max(change_rate) filter (where document_kind = 'final_account') as actual_operating_change_rate,
        max(change_base) filter (where document_kind = 'final_account') as actual_operating_change_base,
        max(document_id) filter (where document_kind = 'budget') as budget_document_id,
        max(source_page) filter (where document_kind = 'budget') as budget_source_page,
        max(document_id) filter (where document_kind = 'final_account') as final_document_id,
        max(source_page) filter (where document_kind = 'final_account') as final_source_page
    from chosen_operating
    group by department_id, fiscal_year
),

three_public as (
    select * from {{ ref('three_public_costs_by_year') }}
),

department_years as (
    select
        department_id,
        fiscal_year
    from operating_by_year
    union
    select
        department_id,
        fiscal_year
    from three_public
)

select
    cast(department_years.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(department_years.department_id as varchar) as department_id,
    {{ yuan('operating_by_year.budget_operating_cost_yuan') }} as budget_operating_cost_yuan,
    {{ yuan('operating_by_year.actual_operating_cost_yuan') }} as actual_operating_cost_yuan,
    {{ yuan('operating_by_year.final_printed_operating_budget_yuan') }}
        as final_printed_operating_budget_yuan,
    {{ yuan('operating_by_year.actual_operating_change_yuan') }} as actual_operating_change_yuan,
    cast(operating_by_year.actual_operating_change_rate as decimal(9, 2)) as actual_operating_change_rate,
    cast(operating_by_year.actual_operating_change_base as varchar) as actual_operating_change_base,
    {{ yuan('three_public.budget_total_yuan') }} as budget_three_public_yuan,
    {{ yuan('three_public.actual_total_yuan') }} as actual_three_public_yuan,
    {{ yuan('three_public.actual_vehicle_operation_yuan') }} as actual_vehicle_operation_yuan,
    cast(operating_by_year.budget_document_id as varchar) as operating_budget_document_id,
    cast(operating_by_year.budget_source_page as integer) as operating_budget_source_page,
    cast(operating_by_year.final_document_id as varchar) as operating_final_document_id,
    cast(operating_by_year.final_source_page as integer) as operating_final_source_page,
    cast(three_public.budget_document_id as varchar) as three_public_budget_document_id,
    cast(three_public.final_document_id as varchar) as three_public_final_document_id
from department_years
left join operating_by_year
    on
        department_years.department_id = operating_by_year.department_id
        and department_years.fiscal_year = operating_by_year.fiscal_year
left join three_public
    on
        department_years.department_id = three_public.department_id
        and department_years.fiscal_year = three_public.fiscal_year
left join {{ ref('dim_department') }} as departments
    on department_years.department_id = departments.department_id
