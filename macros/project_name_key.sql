{#- A project name as the narrative and the self-evaluation tables both print it: quotes,
    spaces and a trailing 项目 dropped ('“环卫工作补助经费”' and '环卫工作补助经费' pair). -#}
{% macro project_name_key(column) -%}
    regexp_replace(regexp_replace({{ column }}, '[“”"\s]', '', 'g'), '项目$', '')
{%- endmacro %}
