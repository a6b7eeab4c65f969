-- What the documents' own arithmetic says about them: every validation
-- finding with its department, year, document, page and rule, and a plain
-- finding_kind: 'source_inconsistency' (the document contradicts itself: its
-- sums or its prose disagree with its tables; loaded as printed),
-- 'reading_failed' (a table could not be read reliably and is withheld),
-- 'table_missing', 'rounding' (a difference within 尾数误差) or 'not_checked'.
with

findings as (
    select * from {{ ref('fct_validation_finding') }}
),

kinds as (
    select
        findings.*,
        case
            when findings.rule_id = 'R_TABLE_WITHHELD' or findings.rule_id like 'SCHEMA\_%' escape '\'
                then 'reading_failed'
            when findings.rule_id = 'R_TABLE_NOT_FOUND' then 'table_missing'
            when findings.severity = 'info' and findings.message like '%尾数误差%' then 'rounding'
            when findings.severity = 'info' then 'not_checked'
            else 'source_inconsistency'
        end as finding_kind
    from findings
)

select
    cast(documents.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(kinds.department_id as varchar) as department_id,
    cast(documents.document_kind as varchar) as document_kind,
    cast(kinds.document_id as varchar) as document_id,
    cast(documents.source_file as varchar) as source_file,
    cast(kinds.source_page as integer) as source_page,
    cast(kinds.table_code as varchar) as table_code,
    cast(kinds.rule_id as varchar) as rule_id,
    cast(kinds.location as varchar) as location,
    cast(kinds.severity as varchar) as severity,
    cast(kinds.finding_kind as varchar) as finding_kind,
    {{ yuan('kinds.expected_yuan') }} as expected_yuan,
    {{ yuan('kinds.actual_yuan') }} as actual_yuan,
    {{ yuan('kinds.difference_yuan') }} as difference_yuan,
    cast(rules.description as varchar) as rule_description,
    cast(kinds.message as varchar) as message
from kinds
inner join {{ ref('dim_document') }} as documents
    on kinds.document_id = documents.document_id
left join {{ ref('dim_department') }} as departments
    on kinds.department_id = departments.department_id
left join {{ ref('dim_validation_rule') }} as rules
    on kinds.rule_id = rules.rule_id
