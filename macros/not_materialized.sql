{#- `as {{ not_materialized() }} (`: a CTE DuckDB inlines where it is read, so that a document
    filter from the reader reaches the scans under it (DuckDB computes a CTE read twice whole: see
    models/intermediate/reconciliation/_reconciliation__models.yml). Other engines inline CTEs on
    their own and do not know the words. -#}
{% macro not_materialized() -%}
    {{- adapter.dispatch('not_materialized')() -}}
{%- endmacro %}

{% macro duckdb__not_materialized() -%}not materialized{%- endmacro %}

{% macro default__not_materialized() -%}{%- endmacro %}
