-- Summary statements 01 (收入支出决算总表) and 04 (财政拨款收入支出决算总表):
-- one row per printed line and fund column, with the column's fund scope.
--   01, any column                 -> 'all_funds'
--   04 income side ('amount')      -> 'fiscal_appropriation'
--   04 expenditure 'total' (小计)  -> 'fiscal_appropriation'
--   04 expenditure fund columns    -> 'general_public_budget' / 'government_fund' / 'state_capital'
-- line_item is the row_key: the printed label normalised, numbering kept.
with

cells as (
    select *
    from {{ ref('stg_raw__table_cells') }}
    where table_code in ('01', '04')
),

scoped as (
    select
        document_id,
        table_code,
        side,
        row_key as line_item,
        case
            when table_code = '01' then 'all_funds'
            when column_key in ('amount', 'total') then 'fiscal_appropriation'
            when column_key in ('general_public_budget', 'government_fund', 'state_capital')
                then column_key
        end as fund_scope,
        line_no,
        row_seq,
        row_label as line_label,
        column_key,
        column_label,
        amount_yuan,
        source_page
    from cells
)

-- A label printed twice on one side (rare: the same line over a page break),
-- or a 04 line with both an 'amount' and a 'total' cell, is kept once: the
-- first printed, preferring the 'total' (小计) column.
select *
from scoped
where fund_scope is not null
qualify row_number() over (
    partition by document_id, table_code, side, line_item, fund_scope
    order by row_seq, case when column_key = 'total' then 0 else 1 end, column_key
) = 1
