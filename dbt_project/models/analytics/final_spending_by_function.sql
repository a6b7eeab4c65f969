-- Final-account (部门决算) spending by function, all funds: the leaf rows of
-- table 03 (支出决算表) of one final account per department and year, named.
-- One document per department-year (the one int_comparison_documents chose
-- for table 03), so a re-issued file or a second copy is never added in;
-- leaf rows only, so no subtotal is added to its parts; all funds only, so the
-- general-budget rows of table 05 (a part of these) are not added either.
with

chosen as (
    select final_document_id as document_id
    from {{ ref('int_comparison_documents') }}
    where table_code = '03' and final_document_id is not null
),

facts as (
    select facts.*
    from {{ ref('fct_expenditure_by_function') }} as facts
    inner join chosen
        on facts.document_id = chosen.document_id
    where facts.fund_scope = 'all_funds'
)

select
    cast(facts.fiscal_year as integer) as fiscal_year,
    {{ department_columns() }},
    cast(facts.department_id as varchar) as department_id,
    cast(facts.function_code as varchar) as function_code,
    {{ function_hierarchy_columns('facts.function_code') }},
    {{ yuan('facts.total_yuan') }} as total_yuan,
    {{ yuan('facts.basic_yuan') }} as basic_yuan,
    {{ yuan('facts.project_yuan') }} as project_yuan,
    {{ yuan('facts.remit_to_higher_yuan') }} as remit_to_higher_yuan,
    {{ yuan('facts.business_yuan') }} as business_yuan,
    {{ yuan('facts.subsidy_to_affiliates_yuan') }} as subsidy_to_affiliates_yuan,
    cast(facts.document_id as varchar) as document_id,
    cast(documents.source_file as varchar) as source_file,
    cast(facts.source_page as integer) as source_page
from facts
inner join {{ ref('dim_document') }} as documents
    on facts.document_id = documents.document_id
left join {{ ref('dim_department') }} as departments
    on facts.department_id = departments.department_id
{{ function_hierarchy_joins('facts.function_code', 'facts.fiscal_year') }}
