-- One row per department name as printed (normalised) and the department it
-- belongs to, so analysts can see which variants were merged.
select
    cast(department_name_variant as varchar) as department_name_variant,
    cast(department_id as varchar) as department_id,
    cast(canonical_name as varchar) as department_name,
    cast(is_listed_alias as boolean) as is_listed_alias,
    cast(match_key as varchar) as match_key,
    cast(resolved_by as varchar) as resolved_by,
    cast(first_year as integer) as first_year,
    cast(last_year as integer) as last_year,
    cast(document_count as integer) as document_count
from {{ ref('int_department_names_resolved') }}
