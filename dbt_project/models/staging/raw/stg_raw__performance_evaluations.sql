with

source as (
    select * from {{ source('raw', 'performance_evaluations') }}
),

renamed as (
    select
        cast(document_id as varchar) as document_id,
        cast(row_seq as integer) as row_seq,
        cast(evaluation_kind as varchar) as evaluation_kind,
        cast(subject as varchar) as subject,
        cast(indicator as varchar) as indicator,
        cast(indicator_level1 as varchar) as indicator_level1,
        cast(indicator_level2 as varchar) as indicator_level2,
        {{ yuan('budget_yuan') }} as budget_yuan,
        {{ yuan('initial_budget_yuan') }} as initial_budget_yuan,
        {{ yuan('actual_yuan') }} as actual_yuan,
        cast(execution_rate as decimal(9, 2)) as execution_rate,
        cast(score as decimal(9, 2)) as score,
        cast(max_score as decimal(9, 2)) as max_score,
        cast(funds_score as decimal(9, 2)) as funds_score,
        cast(target as varchar) as target,
        cast(achieved as varchar) as achieved,
        cast(deviation_reason as varchar) as deviation_reason,
        cast(source as varchar) as source,
        cast(source_page as integer) as source_page,
        cast(sentence as varchar) as sentence
    from source
)

select * from renamed
