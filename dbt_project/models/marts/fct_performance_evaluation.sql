-- Performance self-evaluations of loaded documents: per project (项目绩效) and
-- for the department as a whole (整体绩效), a summary row (indicator NULL) and
-- one row per indicator of its form. A form wins over the narrative's
-- restatement (merged at extraction). Forms repeat a 三级指标 under two 二级指标
-- (数据调查 as 质量指标 and as 时效指标), so the grain carries the levels too;
-- should a form repeat the whole path, the first printed is kept.
with

evaluations as (
    select * from {{ ref('stg_raw__performance_evaluations') }}
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

first_stated as (
    select *
    from evaluations
    qualify row_number() over (
        partition by
            document_id,
            evaluation_kind,
            subject,
            coalesce(indicator_level1, ''),
            coalesce(indicator_level2, ''),
            coalesce(indicator, '')
        order by row_seq
    ) = 1
)

select
    cast(first_stated.document_id as varchar) as document_id,
    cast(first_stated.evaluation_kind as varchar) as evaluation_kind,
    cast(first_stated.subject as varchar) as subject,
    cast(first_stated.indicator as varchar) as indicator,
    cast(first_stated.indicator_level1 as varchar) as indicator_level1,
    cast(first_stated.indicator_level2 as varchar) as indicator_level2,
    {{ yuan('first_stated.budget_yuan') }} as budget_yuan,
    {{ yuan('first_stated.initial_budget_yuan') }} as initial_budget_yuan,
    {{ yuan('first_stated.actual_yuan') }} as actual_yuan,
    cast(first_stated.execution_rate as decimal(9, 2)) as execution_rate,
    cast(first_stated.score as decimal(9, 2)) as score,
    cast(first_stated.max_score as decimal(9, 2)) as max_score,
    cast(first_stated.funds_score as decimal(9, 2)) as funds_score,
    cast(first_stated.target as varchar) as target,
    cast(first_stated.achieved as varchar) as achieved,
    cast(first_stated.deviation_reason as varchar) as deviation_reason,
    cast(first_stated.source as varchar) as source,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(first_stated.source_page as integer) as source_page,
    cast(first_stated.row_seq as integer) as row_seq,
    cast(first_stated.sentence as varchar) as sentence
from first_stated
inner join documents
    on first_stated.document_id = documents.document_id
