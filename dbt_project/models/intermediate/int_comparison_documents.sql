-- For the fct_budget_vs_final_* marts: per department, fiscal year and source
-- table (03, 05, 07, 08 by function; 06 by economic code; 09 "三公"), the one
-- loaded budget and the one loaded final account whose rows are compared.
-- A department-year can have two documents of a kind (a prose PDF and a tables
-- PDF of the same budget, a re-issued file): their rows are never added up.
-- The candidates are the documents that hold the table (with rows, or declared
-- empty); the one chosen is, in order: one with leaf rows in that table, a
-- department-scope (部门) document before a unit (单位) one, the most leaf rows,
-- the latest ingested, the smallest document_id.
with

documents as (
    select * from {{ ref('int_documents_loaded') }}
    where
        department_id is not null
        and fiscal_year is not null
        and document_kind in ('budget', 'final_account')
),

leaf_rows as (
    select
        document_id,
        table_code,
        count(*) as leaf_row_count
    from {{ ref('int_function_rows_pivoted') }}
    where
        is_leaf
        and table_code in ('03', '05', '07', '08')
    group by document_id, table_code

    union all

    select
        document_id,
        '06' as table_code,
        count(*) as leaf_row_count
    from {{ ref('int_economic_rows_flagged') }}
    where
        row_kind = 'code'
        and is_leaf
    group by document_id

    union all

    select
        document_id,
        '09' as table_code,
        count(*) as leaf_row_count
    from {{ ref('int_three_public_costs_pivoted') }}
    group by document_id
),

document_tables as (
    select
        document_id,
        table_code
    from {{ ref('stg_raw__document_tables') }}
    where
        table_code in ('03', '05', '06', '07', '08', '09')
        and table_status in ('loaded', 'declared_empty')

    union

    select
        document_id,
        table_code
    from leaf_rows
),

candidates as (
    select
        documents.department_id,
        documents.fiscal_year,
        documents.document_kind,
        document_tables.table_code,
        documents.document_id,
        documents.reporting_scope,
        documents.ingested_at,
        coalesce(leaf_rows.leaf_row_count, 0) as leaf_row_count
    from documents
    inner join document_tables
        on documents.document_id = document_tables.document_id
    left join leaf_rows
        on
            document_tables.document_id = leaf_rows.document_id
            and document_tables.table_code = leaf_rows.table_code
),

ranked as (
    select
        *,
        row_number() over (
            partition by department_id, fiscal_year, document_kind, table_code
            order by
                leaf_row_count > 0 desc,
                case reporting_scope when 'department' then 0 when 'unit' then 2 else 1 end asc,
                leaf_row_count desc,
                ingested_at desc,
                document_id asc
        ) as preference,
        count(*) over (
            partition by department_id, fiscal_year, document_kind, table_code
        ) as candidate_count
    from candidates
)

select
    department_id,
    fiscal_year,
    table_code,
    case table_code
        when '03' then 'all_funds'
        when '05' then 'general_public_budget'
        when '07' then 'government_fund'
        when '08' then 'state_capital'
    end as fund_scope,
    max(document_id) filter (where document_kind = 'budget') as budget_document_id,
    max(document_id) filter (where document_kind = 'final_account') as final_document_id,
    coalesce(max(candidate_count) filter (where document_kind = 'budget'), 0)
        as budget_candidate_count,
    coalesce(max(candidate_count) filter (where document_kind = 'final_account'), 0)
        as final_candidate_count
from ranked
where preference = 1
group by department_id, fiscal_year, table_code
