{#- The print tolerance; ingest/tolerance.py is its Python side (tests/python/test_tolerance.py
    holds the two to the same answers). A value printed with d decimals is off by at most half a
    unit of its last digit, 0.5 * 10^-d of its unit; with no known decimals (a form without
    amounts) 2 are assumed; finer prints than 4 decimals count as 4. Kept DECIMAL (power() would
    return a double). -#}
{% macro half_print_unit(decimals) -%}
    cast(case coalesce({{ decimals }}, 2)
        when 0 then 0.5
        when 1 then 0.05
        when 2 then 0.005
        when 3 then 0.0005
        else 0.00005
    end as decimal(18, 6))
{%- endmacro %}

{#- Tolerance of an identity between printed values: a sum of n printed terms compared with one
    printed total is off by at most (n + 1) half units. -#}
{% macro sum_tolerance(term_count, half_unit) -%}
    cast(({{ term_count }} + 1) * {{ half_unit }} as decimal(38, 6))
{%- endmacro %}

{#- How many of these columns hold a printed (non-blank) value: the n of sum_tolerance. -#}
{% macro printed_count(columns) -%}
    ({% for column in columns %}(case when {{ column }} is not null then 1 else 0 end){% if not loop.last %} + {% endif %}{% endfor %})
{%- endmacro %}

{#- The unit of the performance self-evaluation tables' amounts as landed: they print 万元 in the
    header and no unit in the cells (ingest/narrative/performance.py), without a fixed precision,
    so half a hundredth of 万元 is taken as their print tolerance. -#}
{% macro performance_table_unit() -%}
    '万元'
{%- endmacro %}

{#- Yuan per unit of a money unit ('万元' -> 10000), from the one unit table (seed
    ref_money_units); NULL for a unit it does not list. -#}
{% macro yuan_per_unit(unit) -%}
    (select money_units.yuan_per_unit from {{ ref('ref_money_units') }} as money_units where money_units.unit = {{ unit }})
{%- endmacro %}
