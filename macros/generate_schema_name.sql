{#- Schemas are named as configured (staging, marts, audit) rather than prefixed with the
    target schema, so BI tools see marts.fct_… and audit.fct_findings. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
