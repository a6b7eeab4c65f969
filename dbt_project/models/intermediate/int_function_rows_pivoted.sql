-- Function tables (02, 03, 05, 07, 08): cells pivoted to one row per printed
-- row, with a leaf flag. A row is a leaf when it carries a function code and
-- no longer code below it (same prefix) is printed in the same table of the
-- same document. The 'total' (合计) row is never a leaf.
-- A column the table does not print stays NULL.
with

cells as (
    select *
    from {{ ref('stg_raw__table_cells') }}
    where table_code in ('02', '03', '05', '07', '08')
),

printed_rows as (
    select
        document_id,
        table_code,
        row_seq,
        row_key,
        min(row_label) as row_label,
        min(source_page) as source_page,
        -- 02 收入决算表
        max(amount_yuan) filter (where column_key = 'total') as total_yuan,
        max(amount_yuan) filter (where column_key = 'fiscal_appropriation') as fiscal_appropriation_yuan,
        max(amount_yuan) filter (where column_key = 'superior_subsidy') as superior_subsidy_yuan,
        max(amount_yuan) filter (where column_key = 'business_income') as business_income_yuan,
        max(amount_yuan) filter (where column_key = 'operating_income') as operating_income_yuan,
        max(amount_yuan) filter (where column_key = 'affiliated_remittance') as affiliated_remittance_yuan,
        max(amount_yuan) filter (where column_key = 'other_income') as other_income_yuan,
        -- 03 支出决算表, 05 and 08 (total / basic / project)
        max(amount_yuan) filter (where column_key = 'basic') as basic_yuan,
        max(amount_yuan) filter (where column_key = 'project') as project_yuan,
        max(amount_yuan) filter (where column_key = 'remit_to_higher') as remit_to_higher_yuan,
        max(amount_yuan) filter (where column_key = 'business') as business_yuan,
        max(amount_yuan) filter (where column_key = 'subsidy_to_affiliates') as subsidy_to_affiliates_yuan,
        -- 07 政府性基金
        max(amount_yuan) filter (where column_key = 'carryover_begin') as carryover_begin_yuan,
        max(amount_yuan) filter (where column_key = 'income') as income_yuan,
        max(amount_yuan) filter (where column_key = 'carryover_end') as carryover_end_yuan
    from cells
    group by document_id, table_code, row_seq, row_key
),

-- A code printed twice in one table (e.g. repeated over a page break) is kept once.
deduplicated as (
    select *
    from printed_rows
    qualify row_number() over (
        partition by document_id, table_code, row_key
        order by row_seq
    ) = 1
),

codes as (
    select
        document_id,
        table_code,
        row_key
    from deduplicated
    where {{ is_classification_code('row_key') }}
),

child_counts as (
    select
        parent.document_id,
        parent.table_code,
        parent.row_key,
        count(child.row_key) as child_code_count
    from codes as parent
    left join codes as child
        on
            parent.document_id = child.document_id
            and parent.table_code = child.table_code
            and length(child.row_key) > length(parent.row_key)
            and starts_with(child.row_key, parent.row_key)
    group by parent.document_id, parent.table_code, parent.row_key
)

select
    deduplicated.document_id,
    deduplicated.table_code,
    deduplicated.row_seq,
    deduplicated.row_key,
    case
        when {{ is_classification_code('deduplicated.row_key') }} then deduplicated.row_key
    end as function_code,
    {{ code_level('deduplicated.row_key') }} as function_level,
    {{ printed_subject_name('deduplicated.row_label', 'deduplicated.row_key') }} as function_name,
    deduplicated.row_label,
    coalesce(child_counts.child_code_count, 0) as child_code_count,
    child_counts.row_key is not null and child_counts.child_code_count = 0 as is_leaf,
    deduplicated.source_page,
    deduplicated.total_yuan,
    deduplicated.fiscal_appropriation_yuan,
    deduplicated.superior_subsidy_yuan,
    deduplicated.business_income_yuan,
    deduplicated.operating_income_yuan,
    deduplicated.affiliated_remittance_yuan,
    deduplicated.other_income_yuan,
    deduplicated.basic_yuan,
    deduplicated.project_yuan,
    deduplicated.remit_to_higher_yuan,
    deduplicated.business_yuan,
    deduplicated.subsidy_to_affiliates_yuan,
    deduplicated.carryover_begin_yuan,
    deduplicated.income_yuan,
    deduplicated.carryover_end_yuan
from deduplicated
left join child_counts
    on
        deduplicated.document_id = child_counts.document_id
        and deduplicated.table_code = child_counts.table_code
        and deduplicated.row_key = child_counts.row_key
