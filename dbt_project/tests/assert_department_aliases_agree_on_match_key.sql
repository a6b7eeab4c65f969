-- Seed rows whose printed names share a match key (the normalised name without
-- a leading '中共') must name the same canonical department: otherwise an
-- unlisted variant with that key could not be resolved unambiguously.
select
    {{ department_match_key(normalise_department_name('printed_name')) }} as match_key,
    count(distinct {{ normalise_department_name('canonical_name') }}) as canonical_names
from {{ ref('department_aliases') }}
group by 1
having count(distinct {{ normalise_department_name('canonical_name') }}) > 1
