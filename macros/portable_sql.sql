{#- SQL that DuckDB and Spark write differently, one macro per construct, dispatched by adapter:
    default__ is DuckDB's form, spark__ Spark's. Models call these instead of the engine's own
    syntax (README "Running on Spark" lists what differs). Constructs both engines take as they
    are (group by all, any_value, bool_or, filter (where …), named windows, split_part) are
    written plainly in the models. DuckDB's CTE hint, which other engines go without rather than
    write differently, is macros/not_materialized.sql. -#}

{#- A regular expression as a string literal: Spark's parser reads backslash escapes in string
    literals ('\s' would reach the regex as 's'); its raw literal r'…' does not. -#}
{% macro regex(pattern) -%}
    {{ return(adapter.dispatch('regex')(pattern)) }}
{%- endmacro %}

{% macro default__regex(pattern) -%}
    '{{ pattern }}'
{%- endmacro %}

{% macro spark__regex(pattern) -%}
    r'{{ pattern }}'
{%- endmacro %}

{#- Every match of `pattern` in `text` replaced (DuckDB replaces the first unless told 'g'). -#}
{% macro replace_all(text, pattern, replacement) -%}
    {{ return(adapter.dispatch('replace_all')(text, pattern, replacement)) }}
{%- endmacro %}

{% macro default__replace_all(text, pattern, replacement) -%}
    regexp_replace({{ text }}, {{ regex(pattern) }}, {{ replacement }}, 'g')
{%- endmacro %}

{% macro spark__replace_all(text, pattern, replacement) -%}
    regexp_replace({{ text }}, {{ regex(pattern) }}, {{ replacement }})
{%- endmacro %}

{#- Whether `pattern` matches somewhere in `text`. -#}
{% macro matches(text, pattern) -%}
    {{ return(adapter.dispatch('matches')(text, pattern)) }}
{%- endmacro %}

{% macro default__matches(text, pattern) -%}
    regexp_matches({{ text }}, {{ regex(pattern) }})
{%- endmacro %}

{% macro spark__matches(text, pattern) -%}
    ({{ text }} rlike {{ regex(pattern) }})
{%- endmacro %}

{#- The values of `expression` in a group, sorted and joined by `separator` (the distinct values
    with distinct=true; only the rows meeting `where` when given); none when there are no values.
    Spark: its string_agg … within group (order by …) fails with distinct (a ClassCastException in
    ListAgg, Spark 4.1), so the values are collected, sorted and joined. -#}
{% macro sorted_text_agg(expression, separator, distinct=false, where=none) -%}
    {{ return(adapter.dispatch('sorted_text_agg')(expression, separator, distinct, where)) }}
{%- endmacro %}

{% macro default__sorted_text_agg(expression, separator, distinct, where) -%}
    string_agg({{ 'distinct ' if distinct }}{{ expression }}, {{ separator }} order by {{ expression }})
    {%- if where %} filter (where {{ where }}){% endif %}
{%- endmacro %}

{% macro spark__sorted_text_agg(expression, separator, distinct, where) -%}
    {%- set only = ' filter (where ' ~ where ~ ')' if where else '' -%}
    case when count({{ expression }}){{ only }} > 0 then
        array_join(array_sort({{ 'collect_set' if distinct else 'collect_list' }}({{ expression }}){{ only }}), {{ separator }})
    end
{%- endmacro %}

{#- One row per word of a space-separated `text`, in a select list. -#}
{% macro split_to_rows(text) -%}
    {{ return(adapter.dispatch('split_to_rows')(text)) }}
{%- endmacro %}

{% macro default__split_to_rows(text) -%}
    unnest(string_split({{ text }}, ' '))
{%- endmacro %}

{% macro spark__split_to_rows(text) -%}
    explode(split({{ text }}, ' '))
{%- endmacro %}

{#- numerator / denominator as DuckDB divides two decimals: in double precision. Spark divides
    decimals as decimals, rounding each quotient to 6 places where the precision runs out (a
    tolerance of 0.007264 became 0.0073), so on Spark the numerator is made a double. -#}
{% macro divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('divide')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__divide(numerator, denominator) -%}
    {{ numerator }} / {{ denominator }}
{%- endmacro %}

{% macro spark__divide(numerator, denominator) -%}
    cast({{ numerator }} as double) / {{ denominator }}
{%- endmacro %}

{#- A query of one row per day from `first_day` to `last_day` (date literals), column date_day. -#}
{% macro days_from_to(first_day, last_day) -%}
    {{ return(adapter.dispatch('days_from_to')(first_day, last_day)) }}
{%- endmacro %}

{% macro default__days_from_to(first_day, last_day) -%}
    select cast(range as date) as date_day
    from range({{ first_day }}, {{ last_day }} + interval 1 day, interval 1 day)
{%- endmacro %}

{% macro spark__days_from_to(first_day, last_day) -%}
    select explode(sequence({{ first_day }}, {{ last_day }}, interval 1 day)) as date_day
{%- endmacro %}

{#- A computed (double) figure as text, the same on both engines: a double prints as 1.0E7 on
    Spark and as 10000000.0 on DuckDB, a decimal alike on both (`scale` places). -#}
{% macro number_text(expression, scale=4) -%}
    cast(cast({{ expression }} as decimal(38, {{ scale }})) as string)
{%- endmacro %}
