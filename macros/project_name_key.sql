{#- A project name as the narrative and the self-evaluation tables both print it: quotes,
    spaces and a trailing 项目 dropped ('“环卫工作补助经费”' and '环卫工作补助经费' pair). -#}
{% macro project_name_key(column) -%}
    {{ replace_all(replace_all(column, '[“”"\\s]', "''"), '项目$', "''") }}
{%- endmacro %}
