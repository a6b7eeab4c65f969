-- "三公" costs (table 09) of loaded documents, final accounts and budgets:
-- budget and actual per cost item; a budget document's actual is NULL.
-- The contract keeps the 'total' and 'vehicles' rows; sum only rows where
-- is_leaf is true to avoid double counting.
with

cost_items as (
    select * from {{ ref('int_three_public_costs_pivoted') }}
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

document_tables as (
    select * from {{ ref('stg_raw__document_tables') }}
    where table_code = '09'
)

select
    cast(cost_items.document_id as varchar) as document_id,
    cast(cost_items.cost_item as varchar) as cost_item,
    {{ yuan('cost_items.budget_yuan') }} as budget_yuan,
    -- A budget has no actual of its year: NULL, not 0, whatever the extractor
    -- wrote (a budget 09 row normally has only the 'budget' cell).
    cast(
        case
            when documents.document_kind = 'budget' then null
            else {{ yuan('cost_items.actual_yuan') }}
        end as decimal(20, 2)
    ) as actual_yuan,
    cast(cost_items.is_leaf as boolean) as is_leaf,
    cast(cost_items.cost_item_label as varchar) as cost_item_label,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(cost_items.source_page as integer) as source_page,
    cast(coalesce(document_tables.source_unit, documents.source_unit) as varchar) as source_unit
from cost_items
inner join documents
    on cost_items.document_id = documents.document_id
left join document_tables
    on cost_items.document_id = document_tables.document_id
