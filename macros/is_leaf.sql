{#- Leaf grain: a coded row is a leaf when no longer code under it is printed in the same
    document and scope. Facts keep only leaves; 类/款 totals are derived, never stored.
    One anti-join per prefix length, each on equalities (a hash join that a document filter
    passes through): a prefix test between every pair of rows does not scale to thousands of
    documents. -#}
{% macro is_leaf(alias, lines, code_column, same_scope_columns) -%}
    {%- for prefix_length in range(3, 7) %}
    {{ 'and ' if not loop.first }}not exists (
        select 1
        from {{ lines }} as deeper
        where
            length(deeper.{{ code_column }}) > {{ prefix_length }}
            and left(deeper.{{ code_column }}, {{ prefix_length }}) = {{ alias }}.{{ code_column }}
            {%- for column in same_scope_columns %}
            and deeper.{{ column }} = {{ alias }}.{{ column }}
            {%- endfor %}
    )
    {%- endfor %}
{%- endmacro %}
