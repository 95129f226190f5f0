{#
  The landing table `name`, wherever this build lands: the seed of that name (var
  landing_format = 'seeds', the bundled sample) or the Parquet files of the bulk landing zone read
  as the source `disclosures` (landing_format = 'parquet'; files under var landing_parquet_path, see
  models/staging/disclosures/_disclosures__sources.yml). The one switch between the two.

  Documents in quarantine (seed quarantined_documents, `fiscal quarantine`) are left out here, so
  no model reads them; include_quarantined = true is for the audit of the quarantine itself.
#}
{% macro landing_table(name, include_quarantined=false) -%}
    {%- if var('landing_format') == 'parquet' -%}
        {%- set relation = landing_parquet(name) -%}
    {%- elif var('landing_format') == 'seeds' -%}
        {%- set relation = ref(name) -%}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var landing_format must be 'seeds' or 'parquet', not '" ~ var('landing_format') ~ "'") }}
    {%- endif -%}
    {%- if include_quarantined -%}
        {{ relation }}
    {%- else -%}
        (select * from {{ relation }} where {{ not_quarantined('document_id') }})
    {%- endif -%}
{%- endmacro %}

{#- `column` not in quarantine, as a constant list read when the model runs (the seed is loaded
    before: ref declares it), so DuckDB still pushes the incremental builds' document filters
    down into the landing scans; `true` when the quarantine is empty, or not loaded (compiling
    without a build, as sqlfluff's templater does). -#}
{% macro not_quarantined(column) -%}
    {%- set quarantine = ref('quarantined_documents') -%}
    {%- if not execute or load_relation(quarantine) is none -%}
        true
    {%- else -%}
        {%- set ids = run_query('select document_id from ' ~ quarantine ~ ' order by 1').columns[0].values() -%}
        {%- if ids | length == 0 -%}
            true
        {%- else -%}
            {{ column }} not in ({%- for id in ids %}'{{ id }}'{{ ', ' if not loop.last }}{% endfor -%})
        {%- endif -%}
    {%- endif -%}
{%- endmacro %}

{#- The landing table `name` of the Parquet landing zone, read in place: on DuckDB the source
    itself (its external_location reads the files), on Spark a query of the files' folder
    (Spark's parquet.`path`; the source still declares the dependency). -#}
{% macro landing_parquet(name) -%}
    {{ return(adapter.dispatch('landing_parquet')(name)) }}
{%- endmacro %}

{% macro default__landing_parquet(name) -%}
    {{ return(source('disclosures', name)) }}
{%- endmacro %}

{% macro spark__landing_parquet(name) -%}
    {%- set declared = source('disclosures', name) -%}
    {{ return('parquet.`' ~ var('landing_parquet_path') ~ '/' ~ name ~ '`') }}
{%- endmacro %}
