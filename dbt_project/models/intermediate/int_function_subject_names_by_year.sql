-- One row per function code and fiscal year seen in a loaded document, with
-- the name printed that year. When documents of one year print different
-- names, the most frequent wins, then the alphabetically first.
{{ subject_names_by_year(ref('int_function_rows_pivoted'), 'function_code', 'function_name') }}
