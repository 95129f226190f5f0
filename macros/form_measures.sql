{#- Measure columns (amount_<measure>) of a functional-code form, from var function_form_measures:
    one list for the hierarchy checks and their generic test. -#}
{% macro function_form_measures(form) %}
    {% set columns = [] %}
    {% for measure in var('function_form_measures')[form] %}{% do columns.append('amount_' ~ measure) %}{% endfor %}
    {{ return(columns) }}
{% endmacro %}
