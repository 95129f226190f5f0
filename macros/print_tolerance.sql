{#- Half a unit of the last printed digit: a value printed with d decimals is off by at most
    0.5 * 10^-d of its unit. Kept DECIMAL (power() would return a double). -#}
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
