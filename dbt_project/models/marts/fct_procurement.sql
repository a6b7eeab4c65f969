-- Part 3's 政府采购 section of loaded documents: the total, its parts by kind
-- (goods, works, services) and the amounts awarded or reserved for small and
-- medium enterprises, which are shares of the total, not further parts. One
-- row per document and category; the first printed is kept.
with

procurement as (
    select * from {{ ref('stg_raw__procurement') }}
),

documents as (
    select * from {{ ref('int_documents_loaded') }}
),

first_stated as (
    select *
    from procurement
    qualify row_number() over (
        partition by document_id, category order by source_page, amount_yuan
    ) = 1
)

select
    cast(first_stated.document_id as varchar) as document_id,
    cast(first_stated.category as varchar) as category,
    {{ yuan('first_stated.amount_yuan') }} as amount_yuan,
    cast(first_stated.share_percent as decimal(9, 2)) as share_percent,
    cast(first_stated.category in ('goods', 'works', 'services') as boolean) as is_part_of_total,
    cast(documents.department_id as varchar) as department_id,
    cast(documents.fiscal_year as integer) as fiscal_year,
    cast(documents.document_kind as varchar) as document_kind,
    cast(first_stated.source_page as integer) as source_page,
    cast(first_stated.sentence as varchar) as sentence
from first_stated
inner join documents
    on first_stated.document_id = documents.document_id
