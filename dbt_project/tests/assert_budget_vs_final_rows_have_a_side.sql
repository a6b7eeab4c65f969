-- Every comparison row comes from at least one side: a printed budget row, a
-- printed final-account row, or both.
select
    'fct_budget_vs_final_by_function' as model_name,
    department_id,
    fiscal_year,
    function_code as item
from {{ ref('fct_budget_vs_final_by_function') }}
where not (has_budget or has_final)

union all

select
    'fct_budget_vs_final_by_economic_class' as model_name,
    department_id,
    fiscal_year,
    economic_code as item
from {{ ref('fct_budget_vs_final_by_economic_class') }}
where not (has_budget or has_final)

union all

select
    'fct_budget_vs_final_three_public' as model_name,
    department_id,
    fiscal_year,
    cost_item as item
from {{ ref('fct_budget_vs_final_three_public') }}
where not (has_budget or has_final)
