{#- Leaf grain: a coded row is a leaf when no longer code under it is printed in the same
    document and scope. Facts keep only leaves; 类/款 totals are derived, never stored.

    codes_with_deeper(lines, code, scope) gives, per distinct code of a scope, has_deeper: a
    longer code starting with it is printed (for codes of 3 to 6 digits: 类, 款 and their
    halves). Codes sorted as text put every code that starts with a code right after it, so the
    next distinct code tells: a window per document, which a document filter passes through (the
    anti-join per prefix length it replaces made an incremental build read every document). A
    view joins it back by scope and code (left: a row without a code stays a leaf). -#}
{% macro codes_with_deeper(lines, code_column, scope_columns) -%}
    select
        {{ scope_columns | join(', ') }},
        {{ code_column }},
        coalesce(
            length({{ code_column }}) between 3 and 6
            and length(next_code) > length({{ code_column }})
            and substr(next_code, 1, length({{ code_column }})) = {{ code_column }},
            false
        ) as has_deeper
    from (
        select
            *,
            lead({{ code_column }}) over (
                partition by {{ scope_columns | join(', ') }} order by {{ code_column }}
            ) as next_code
        from (select distinct {{ scope_columns | join(', ') }}, {{ code_column }} from {{ lines }}) as codes
    ) as ordered
{%- endmacro %}

{#- The join condition of a view's rows (alias) to codes_with_deeper (deeper). -#}
{% macro deeper_join(alias, code_column, scope_columns) -%}
    {%- for column in scope_columns %}
    {{ 'and ' if not loop.first }}{{ alias }}.{{ column }} = deeper.{{ column }}
    {%- endfor %}
    and {{ alias }}.{{ code_column }} = deeper.{{ code_column }}
{%- endmacro %}
