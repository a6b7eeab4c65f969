-- One row per ingested document: how much was read and how well it checks out.
-- rules_checked counts the catalogued rules whose tables the document holds
-- with rows (rules naming no table, such as narrative checks, always apply).
with

documents as (
    select * from {{ ref('int_documents_enriched') }}
),

rules as (
    select
        rule_id,
        list_transform(string_split(table_codes, ','), lambda code: trim(code)) as rule_table_codes
    from {{ ref('stg_raw__validation_rules') }}
),

rules_applicable as (
    select
        documents.document_id,
        count(rules.rule_id) as rules_checked
    from documents
    inner join rules
        on
            documents.status in ('loaded', 'partial')
            and (
                rules.rule_table_codes is null
                or list_has_all(documents.table_codes_with_rows, rules.rule_table_codes)
            )
    group by documents.document_id
),

findings as (
    select
        document_id,
        count(*) as finding_count,
        count(*) filter (where severity = 'error') as error_count,
        count(*) filter (where severity = 'warning') as warning_count,
        count(*) filter (where severity = 'info') as info_count,
        count(distinct rule_id) as rules_broken
    from {{ ref('fct_validation_finding') }}
    group by document_id
)

select
    cast(documents.document_id as varchar) as document_id,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.status as varchar) as status,
    cast(documents.status_reason as varchar) as status_reason,
    cast(documents.tables_found as integer) as tables_found,
    cast(documents.tables_empty as integer) as tables_empty,
    cast(documents.tables_withheld as integer) as tables_withheld,
    cast(documents.tables_not_found as integer) as tables_not_found,
    cast(documents.withheld_table_codes as varchar) as withheld_tables,
    cast(coalesce(rules_applicable.rules_checked, 0) as integer) as rules_checked,
    cast(coalesce(findings.rules_broken, 0) as integer) as rules_broken,
    cast(coalesce(findings.finding_count, 0) as integer) as finding_count,
    cast(coalesce(findings.error_count, 0) as integer) as error_count,
    cast(coalesce(findings.warning_count, 0) as integer) as warning_count,
    cast(coalesce(findings.info_count, 0) as integer) as info_count,
    cast(documents.status = 'loaded' and coalesce(findings.error_count, 0) = 0 as boolean)
        as is_clean
from documents
left join rules_applicable
    on documents.document_id = rules_applicable.document_id
left join findings
    on documents.document_id = findings.document_id
