{#- A figure landed as printed text ('5', '182.32'): the exact value, and half a unit of its
    last printed digit (its print tolerance). -#}
{% macro printed_figure(column) -%}
    cast({{ column }} as decimal(18, 4)) as {{ column }},
    case
        when {{ column }} is not null
            then {{ half_print_unit("length(split_part(" ~ column ~ ", '.', 2))") }}
    end as {{ column }}_half_unit
{%- endmacro %}
