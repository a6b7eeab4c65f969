-- The validation rule catalogue: what each rule_id checks, and how often it broke.
with

rules as (
    select * from {{ ref('stg_raw__validation_rules') }}
),

findings as (
    select
        rule_id,
        count(*) as finding_count,
        count(distinct document_id) as document_count
    from {{ ref('fct_validation_finding') }}
    group by rule_id
)

select
    cast(rules.rule_id as varchar) as rule_id,
    cast(rules.severity as varchar) as severity,
    cast(rules.table_codes as varchar) as table_codes,
    cast(rules.rule_identity as varchar) as rule_identity,
    cast(rules.description as varchar) as description,
    cast(coalesce(findings.finding_count, 0) as integer) as finding_count,
    cast(coalesce(findings.document_count, 0) as integer) as documents_with_findings
from rules
left join findings
    on rules.rule_id = findings.rule_id
