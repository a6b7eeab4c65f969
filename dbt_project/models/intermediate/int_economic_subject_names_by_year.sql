-- One row per economic code and fiscal year seen in a loaded document's
-- table 06, with the name printed that year (most frequent, then first).
{{ subject_names_by_year(ref('int_economic_rows_flagged'), 'economic_code', 'economic_name') }}
