{#
  The landing table `name`, wherever this build lands: the seed of that name (var
  landing_format = 'seeds', the bundled sample) or the Parquet files of the bulk landing zone read
  as the source `disclosures` (landing_format = 'parquet'; files under var landing_parquet_path, see
  models/staging/disclosures/_disclosures__sources.yml). The one switch between the two.
#}
{% macro landing_table(name) -%}
    {%- if var('landing_format') == 'parquet' -%}
        {{ source('disclosures', name) }}
    {%- elif var('landing_format') == 'seeds' -%}
        {{ ref(name) }}
    {%- else -%}
        {{ exceptions.raise_compiler_error("var landing_format must be 'seeds' or 'parquet', not '" ~ var('landing_format') ~ "'") }}
    {%- endif -%}
{%- endmacro %}
