{#- Leaf grain: a coded row is a leaf when no longer code under it is printed in the same
    document and scope. Facts keep only leaves; 类/款 totals are derived, never stored. -#}
{% macro is_leaf(alias, lines, code_column, same_scope_columns) -%}
    not exists (
        select 1
        from {{ lines }} as deeper
        where
            length(deeper.{{ code_column }}) > length({{ alias }}.{{ code_column }})
            and starts_with(deeper.{{ code_column }}, {{ alias }}.{{ code_column }})
            {%- for column in same_scope_columns %}
            and deeper.{{ column }} = {{ alias }}.{{ column }}
            {%- endfor %}
    )
{%- endmacro %}
