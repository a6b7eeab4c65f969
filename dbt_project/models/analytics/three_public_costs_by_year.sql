-- "三公" costs (table 09) per department and year, one row each, wide: the
-- budget document's 预算数 and the final account's 决算数 for the total and
-- each item side by side. One row per department-year, so a SUM over rows
-- never double counts; the columns are not to be added across: total =
-- overseas_travel + vehicles + official_reception, vehicles = vehicle_purchase
-- + vehicle_operation.
with

compared as (
    select * from {{ ref('fct_budget_vs_final_three_public') }}
),

pivoted as (
    select
        department_id,
        fiscal_year,
        max(budget_yuan) filter (where cost_item = 'total') as budget_total_yuan,
        max(actual_yuan) filter (where cost_item = 'total') as actual_total_yuan,
        max(budget_yuan) filter (where cost_item = 'overseas_travel') as budget_overseas_travel_yuan,
        max(actual_yuan) filter (where cost_item = 'overseas_travel') as actual_overseas_travel_yuan,
        max(budget_yuan) filter (where cost_item = 'vehicles') as budget_vehicles_yuan,
        max(actual_yuan) filter (where cost_item = 'vehicles') as actual_vehicles_yuan,
        max(budget_yuan) filter (where cost_item = 'vehicle_purchase') as budget_vehicle_purchase_yuan,
        max(actual_yuan) filter (where cost_item = 'vehicle_purchase') as actual_vehicle_purchase_yuan,
        max(budget_yuan) filter (where cost_item = 'vehicle_operation') as budget_vehicle_operation_yuan,
        max(actual_yuan) filter (where cost_item = 'vehicle_operation') as actual_vehicle_operation_yuan,
        max(budget_yuan) filter (where cost_item = 'official_reception') as budget_official_reception_yuan,
        max(actual_yuan) filter (where cost_item = 'official_reception') as actual_official_reception_yuan,
        max(final_printed_budget_yuan) filter (where cost_item = 'total')
            as final_printed_budget_total_yuan,
        max(execution_rate) filter (where cost_item = 'total') as execution_rate,
        max(budget_document_id) as budget_document_id,
        max(budget_source_page) filter (where cost_item = 'total') as budget_source_page,
        max(final_document_id) as final_document_id,
        max(final_source_page) filter (where cost_item = 'total') as final_source_page
    from compared
    group by department_id, fiscal_year
)

select
    cast(pivoted.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(pivoted.department_id as varchar) as department_id,
    {{ yuan('pivoted.budget_total_yuan') }} as budget_total_yuan,
    {{ yuan('pivoted.actual_total_yuan') }} as actual_total_yuan,
    {{ yuan('pivoted.budget_overseas_travel_yuan') }} as budget_overseas_travel_yuan,
    {{ yuan('pivoted.actual_overseas_travel_yuan') }} as actual_overseas_travel_yuan,
    {{ yuan('pivoted.budget_vehicles_yuan') }} as budget_vehicles_yuan,
    {{ yuan('pivoted.actual_vehicles_yuan') }} as actual_vehicles_yuan,
    {{ yuan('pivoted.budget_vehicle_purchase_yuan') }} as budget_vehicle_purchase_yuan,
    {{ yuan('pivoted.actual_vehicle_purchase_yuan') }} as actual_vehicle_purchase_yuan,
    {{ yuan('pivoted.budget_vehicle_operation_yuan') }} as budget_vehicle_operation_yuan,
    {{ yuan('pivoted.actual_vehicle_operation_yuan') }} as actual_vehicle_operation_yuan,
    {{ yuan('pivoted.budget_official_reception_yuan') }} as budget_official_reception_yuan,
    {{ yuan('pivoted.actual_official_reception_yuan') }} as actual_official_reception_yuan,
    {{ yuan('pivoted.final_printed_budget_total_yuan') }} as final_printed_budget_total_yuan,
    cast(pivoted.execution_rate as decimal(9, 2)) as execution_rate,
    cast(pivoted.budget_document_id as varchar) as budget_document_id,
    cast(budget_documents.source_file as varchar) as budget_source_file,
    cast(pivoted.budget_source_page as integer) as budget_source_page,
    cast(pivoted.final_document_id as varchar) as final_document_id,
    cast(final_documents.source_file as varchar) as final_source_file,
    cast(pivoted.final_source_page as integer) as final_source_page
from pivoted
left join {{ ref('dim_document') }} as budget_documents
    on pivoted.budget_document_id = budget_documents.document_id
left join {{ ref('dim_document') }} as final_documents
    on pivoted.final_document_id = final_documents.document_id
left join {{ ref('dim_department') }} as departments
    on pivoted.department_id = departments.department_id
