{#- SQL that DuckDB and Spark write differently, one macro per construct, dispatched by adapter:
    default__ is DuckDB's form, spark__ Spark's. Models call these instead of the engine's own
    syntax (README "Running on Spark" lists what differs). Constructs both engines take as they
    are (group by all, any_value, bool_or, filter (where …), named windows, split_part) are
    written plainly in the models. -#}

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

{#- The values of `expression` in a group joined by `separator`, in the order of `order_by`. -#}
{% macro ordered_text_agg(expression, separator, order_by) -%}
    {{ return(adapter.dispatch('ordered_text_agg')(expression, separator, order_by)) }}
{%- endmacro %}

{% macro default__ordered_text_agg(expression, separator, order_by) -%}
    string_agg({{ expression }}, {{ separator }} order by {{ order_by }})
{%- endmacro %}

{% macro spark__ordered_text_agg(expression, separator, order_by) -%}
    string_agg({{ expression }}, {{ separator }}) within group (order by {{ order_by }})
{%- endmacro %}

{#- One row per element of a list of SQL expressions, as a table function's column. -#}
{% macro unnest_values(expressions) -%}
    {{ return(adapter.dispatch('unnest_values')(expressions)) }}
{%- endmacro %}

{% macro default__unnest_values(expressions) -%}
    unnest([{{ expressions | join(', ') }}])
{%- endmacro %}

{% macro spark__unnest_values(expressions) -%}
    explode(array({{ expressions | join(', ') }}))
{%- endmacro %}
