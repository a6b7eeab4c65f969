-- One row per department name variant as printed (normalised), resolved to
-- its department. The rule, in order:
--   1. the variant is listed in the department_aliases seed: the seed's
--      canonical name ('alias_seed');
--   2. a seed row shares the variant's match key (the normalised name without
--      a leading '中共'): that row's canonical name ('alias_seed_match_key');
--   3. otherwise the variants sharing a match key are one department, named
--      after the longest variant, i.e. the one printed with '中共', then the
--      alphabetically first ('match_key'; a lone variant is its own name).
-- department_id = 'dept_' + md5(match key of the canonical name)[:12], so the
-- id does not move when a new variant of the same department is loaded.
-- Variants the rule cannot see as one (江苏省政协办公厅 / 政协江苏省委员会办公厅,
-- 普陀区… / 上海市普陀区…) need a seed row.
with

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

aliases as (
    select
        {{ normalise_department_name('printed_name') }} as printed_name,
        {{ normalise_department_name('canonical_name') }} as canonical_name,
        region
    from {{ ref('department_aliases') }}
),

aliases_keyed as (
    select
        *,
        {{ department_match_key('printed_name') }} as match_key
    from aliases
),

-- The seed test assert_department_aliases_agree_on_match_key keeps this to
-- one canonical name per key; min() only makes the choice deterministic.
aliases_by_key as (
    select
        match_key,
        min(canonical_name) as canonical_name,
        min(region) as region
    from aliases_keyed
    group by match_key
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
        {{ department_match_key('department_name_variant') }} as match_key,
        min(fiscal_year) as first_year,
        max(fiscal_year) as last_year,
        count(*) as document_count
    from printed
    where department_name_variant is not null
    group by department_name_variant
),

names_by_key as (
    select
        match_key,
        first(department_name_variant order by length(department_name_variant) desc, department_name_variant)
            as canonical_name
    from variants
    group by match_key
),

resolved as (
    select
        variants.department_name_variant,
        variants.match_key,
        coalesce(exact_alias.canonical_name, key_alias.canonical_name, names_by_key.canonical_name)
            as canonical_name,
        coalesce(exact_alias.region, key_alias.region) as alias_region,
        exact_alias.printed_name is not null as is_listed_alias,
        case
            when exact_alias.printed_name is not null then 'alias_seed'
            when key_alias.match_key is not null then 'alias_seed_match_key'
            else 'match_key'
        end as resolved_by,
        variants.first_year,
        variants.last_year,
        variants.document_count
    from variants
    left join aliases_keyed as exact_alias
        on variants.department_name_variant = exact_alias.printed_name
    left join aliases_by_key as key_alias
        on variants.match_key = key_alias.match_key
    left join names_by_key
        on variants.match_key = names_by_key.match_key
)

select
    department_name_variant,
    match_key,
    canonical_name,
    'dept_' || left(md5({{ department_match_key('canonical_name') }}), 12) as department_id,
    alias_region,
    is_listed_alias,
    resolved_by,
    first_year,
    last_year,
    document_count
from resolved
