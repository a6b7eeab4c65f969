-- Table 06 (一般公共预算财政拨款基本支出决算明细表): one row per printed row,
-- with its kind and a leaf flag. Panels printed side by side are already one
-- row per code in the raw cells. A code is a leaf when no longer code with
-- its prefix is printed in the same document's table 06; the footer rows
-- 'personnel_total' / 'public_total' are never leaves.
with

cells as (
    select *
    from {{ ref('stg_raw__table_cells') }}
    where table_code = '06'
),

printed_rows as (
    select
        document_id,
        row_seq,
        row_key,
        min(row_label) as row_label,
        min(source_page) as source_page,
        max(amount_yuan) filter (where column_key = 'amount') as amount_yuan
    from cells
    group by document_id, row_seq, row_key
),

deduplicated as (
    select *
    from printed_rows
    qualify row_number() over (partition by document_id, row_key order by row_seq) = 1
),

codes as (
    select
        document_id,
        row_key
    from deduplicated
    where {{ is_classification_code('row_key') }}
),

child_counts as (
    select
        parent.document_id,
        parent.row_key,
        count(child.row_key) as child_code_count
    from codes as parent
    left join codes as child
        on
            parent.document_id = child.document_id
            and length(child.row_key) > length(parent.row_key)
            and starts_with(child.row_key, parent.row_key)
    group by parent.document_id, parent.row_key
)

select
    deduplicated.document_id,
    deduplicated.row_seq,
    deduplicated.row_key,
    case
        when {{ is_classification_code('deduplicated.row_key') }} then 'code'
        when deduplicated.row_key in ('personnel_total', 'public_total') then deduplicated.row_key
        else 'other'
    end as row_kind,
    case
        when {{ is_classification_code('deduplicated.row_key') }} then deduplicated.row_key
    end as economic_code,
    {{ printed_subject_name('deduplicated.row_label', 'deduplicated.row_key') }} as economic_name,
    deduplicated.row_label,
    coalesce(child_counts.child_code_count, 0) as child_code_count,
    child_counts.row_key is not null and child_counts.child_code_count = 0 as is_leaf,
    deduplicated.source_page,
    deduplicated.amount_yuan
from deduplicated
left join child_counts
    on
        deduplicated.document_id = child_counts.document_id
        and deduplicated.row_key = child_counts.row_key
