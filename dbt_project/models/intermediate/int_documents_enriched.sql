-- Every ingested document (any status), with its resolved department and a
-- count of its standard tables by what became of them.
with

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

department_names as (
    select * from {{ ref('int_department_names_resolved') }}
),

document_tables as (
    select
        document_id,
        count(*) filter (where table_status <> 'not_found') as tables_found,
        count(*) filter (where table_status = 'declared_empty') as tables_empty,
        count(*) filter (where table_status = 'withheld') as tables_withheld,
        count(*) filter (where table_status = 'not_found') as tables_not_found,
        list(table_code order by table_code) filter (where table_status = 'loaded')
            as table_codes_with_rows,
        string_agg(table_code, ', ' order by table_code) filter (where table_status = 'withheld')
            as withheld_table_codes
    from {{ ref('stg_raw__document_tables') }}
    group by document_id
),

joined as (
    select
        documents.*,
        {{ normalise_department_name('documents.department_name_printed') }}
            as department_name_variant,
        department_names.canonical_name as department_name,
        department_names.department_id,
        department_names.alias_region,
        coalesce(document_tables.tables_found, 0) as tables_found,
        coalesce(document_tables.tables_empty, 0) as tables_empty,
        coalesce(document_tables.tables_withheld, 0) as tables_withheld,
        coalesce(document_tables.tables_not_found, 0) as tables_not_found,
        document_tables.withheld_table_codes,
        coalesce(document_tables.table_codes_with_rows, cast([] as varchar[])) as table_codes_with_rows
    from documents
    left join department_names
        on
            {{ normalise_department_name('documents.department_name_printed') }}
            = department_names.department_name_variant
    left join document_tables
        on documents.document_id = document_tables.document_id
)

select * from joined
