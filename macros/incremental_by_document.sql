{#
  Incremental marts keyed by document. A build recomputes only the documents of
  int_documents__to_build (from the plan ingest/build_plan.py writes into the source build_state):
  - pre_hook delete_documents_to_rebuild() removes their old rows from the model's table;
  - documents_to_build_filter() keeps only their rows from the model's inputs.
  On a first or --full-refresh build every document is built and the filter is `true`.
  ingest/build_plan.py records what was built once the build passed.
#}

{% macro documents_to_build_filter(column='document_id') -%}
    {%- set to_build = ref('int_documents__to_build') -%}
    {%- if is_incremental() -%}
        {{ column }} in (select to_build.document_id from {{ to_build }} as to_build)
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- The models calling this hook call documents_to_build_filter() too, which declares their
    dependency on int_documents__to_build. -#}
{% macro delete_documents_to_rebuild() -%}
    {%- set to_build = ref('int_documents__to_build') -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where document_id in (select document_id from {{ to_build }})
    {%- endif -%}
{%- endmacro %}

{#- The plan's tables exist before any model reads them: empty when `fiscal build` did not write
    a plan (a plain `dbt build`), which plans every landed document. -#}
{% macro ensure_build_state() -%}
    create schema if not exists build_state;
    create table if not exists build_state.build_plan (mode varchar, reason varchar, fingerprint varchar);
    create table if not exists build_state.documents_to_build (document_id varchar);
{%- endmacro %}

{#- The rows of `relation` that belong to the documents built in this run: document-keyed tests
    read only these, since rows of documents built before cannot have changed (their landing
    rows are the same, and the incremental models left them as they were). On a full build that
    is every document. The ref makes the test wait for the list to be built. -#}
{% macro rows_built_in_this_run(relation) -%}
    (select * from {{ relation }}
     where document_id in (select document_id from {{ ref('int_documents__to_build') }}))
{%- endmacro %}
