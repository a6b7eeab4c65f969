-- One row per department, across documents and name variants. The region is
-- the one read from the department's newest document that prints one, else
-- the region the alias seed gives.
with

documents as (
    select * from {{ ref('int_documents_enriched') }}
    where department_id is not null
),

departments as (
    select
        department_id,
        any_value(department_name) as department_name,
        arg_max(region, coalesce(fiscal_year, 0)) filter (where region is not null) as document_region,
        max(alias_region) as alias_region,
        min(fiscal_year) as first_year,
        max(fiscal_year) as last_year,
        count(*) as document_count,
        count(distinct department_name_variant) as name_variant_count
    from documents
    group by department_id
)

select
    cast(department_id as varchar) as department_id,
    cast(department_name as varchar) as department_name,
    cast(coalesce(document_region, alias_region) as varchar) as region,
    cast(first_year as integer) as first_year,
    cast(last_year as integer) as last_year,
    cast(document_count as integer) as document_count,
    cast(name_variant_count as integer) as name_variant_count
from departments
