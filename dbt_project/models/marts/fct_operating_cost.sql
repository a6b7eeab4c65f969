-- Part 3's 机关运行经费 (the organ's running costs) of loaded documents: in a
-- final account what was spent, in a budget what is budgeted, with the change
-- as printed. One row per document; should a document state it twice, the
-- first printed (lowest page) is kept.
with

operating_costs as (
    select * from {{ ref('stg_raw__operating_costs') }}
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

first_stated as (
    select *
    from operating_costs
    qualify row_number() over (
        partition by document_id order by source_page, amount_yuan
    ) = 1
)

select
    cast(first_stated.document_id as varchar) as document_id,
    {{ yuan('first_stated.amount_yuan') }} as amount_yuan,
    {{ yuan('first_stated.initial_budget_yuan') }} as initial_budget_yuan,
    {{ yuan('first_stated.change_yuan') }} as change_yuan,
    cast(first_stated.change_rate as decimal(9, 2)) as change_rate,
    cast(first_stated.change_base as varchar) as change_base,
    cast(first_stated.explanation as varchar) as explanation,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(first_stated.source_page as integer) as source_page,
    cast(first_stated.sentence as varchar) as sentence
from first_stated
inner join documents
    on first_stated.document_id = documents.document_id
