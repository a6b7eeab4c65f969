-- One row per department name variant as printed (normalised), resolved to its
-- canonical name through the department_aliases seed and given a stable id.
with

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

aliases as (
    select
        {{ normalise_department_name('printed_name') }} as printed_name,
        canonical_name,
        region
    from {{ ref('department_aliases') }}
),

printed as (
    select
        {{ normalise_department_name('department_name_printed') }} as department_name_variant,
        fiscal_year
    from documents
),

variants as (
    select
        department_name_variant,
        min(fiscal_year) as first_year,
        max(fiscal_year) as last_year,
        count(*) as document_count
    from printed
    where department_name_variant is not null
    group by department_name_variant
),

resolved as (
    select
        variants.department_name_variant,
        coalesce(aliases.canonical_name, variants.department_name_variant) as canonical_name,
        aliases.region as alias_region,
        aliases.printed_name is not null as is_listed_alias,
        variants.first_year,
        variants.last_year,
        variants.document_count
    from variants
    left join aliases
        on variants.department_name_variant = aliases.printed_name
)

select
    department_name_variant,
    canonical_name,
    'dept_' || left(md5(canonical_name), 12) as department_id,
    alias_region,
    is_listed_alias,
    first_year,
    last_year,
    document_count
from resolved
