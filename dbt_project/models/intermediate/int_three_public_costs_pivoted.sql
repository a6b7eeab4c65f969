-- Table 09 (财政拨款"三公"经费支出决算表): one row per cost item with its budget
-- and actual. 'total' and 'vehicles' are sums of other items; is_leaf marks the
-- items that can be summed without double counting ('vehicles' is a leaf only
-- when the table does not split it into purchase and operation).
with

cells as (
    select *
    from {{ ref('stg_raw__table_cells') }}
    where table_code = '09'
),

printed_rows as (
    select
        document_id,
        row_seq,
        row_key as cost_item,
        min(row_label) as cost_item_label,
        min(source_page) as source_page,
        max(amount_yuan) filter (where column_key = 'budget') as budget_yuan,
        max(amount_yuan) filter (where column_key = 'actual') as actual_yuan
    from cells
    group by document_id, row_seq, row_key
),

deduplicated as (
    select *
    from printed_rows
    qualify row_number() over (partition by document_id, cost_item order by row_seq) = 1
),

vehicle_split as (
    select distinct document_id
    from deduplicated
    where cost_item in ('vehicle_purchase', 'vehicle_operation')
)

select
    deduplicated.*,
    case
        when deduplicated.cost_item = 'total' then false
        when deduplicated.cost_item = 'vehicles' then vehicle_split.document_id is null
        else true
    end as is_leaf
from deduplicated
left join vehicle_split
    on deduplicated.document_id = vehicle_split.document_id
