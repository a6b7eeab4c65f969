{#
    Money is exact: DECIMAL(20,2) yuan, never floating point.
    yuan(expr) casts an expression to the warehouse's money type.
#}
{% macro yuan(expression) -%}
    cast({{ expression }} as decimal(20, 2))
{%- endmacro %}

{#
    percent_of(numerator, denominator): numerator / denominator × 100 as
    DECIMAL(9,2), computed exactly in integer hundredths of a percent (DuckDB
    divides DECIMALs in floating point) and rounded half away from zero.
    NULL when either side is NULL, when the denominator is 0, and when the
    result does not fit DECIMAL(9,2) (|rate| ≥ 10,000,000 %, e.g. a budget of
    0.01 against a large final figure).
#}
{% macro percent_of(numerator, denominator) -%}
    case
        when {{ numerator }} is not null and {{ denominator }} is not null and {{ denominator }} <> 0 then
            case
                when
                    (2 * abs(cast({{ numerator }} * 100 as hugeint)) * 10000
                        + abs(cast({{ denominator }} * 100 as hugeint)))
                    // (2 * abs(cast({{ denominator }} * 100 as hugeint)))
                    <= 999999999
                    then cast(
                        cast(
                            sign({{ numerator }}) * sign({{ denominator }})
                            * ((2 * abs(cast({{ numerator }} * 100 as hugeint)) * 10000
                                + abs(cast({{ denominator }} * 100 as hugeint)))
                            // (2 * abs(cast({{ denominator }} * 100 as hugeint))))
                            as decimal(38, 0)
                        ) * 0.01
                        as decimal(9, 2)
                    )
            end
    end
{%- endmacro %}
