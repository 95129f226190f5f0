{#
  Incremental marts keyed by document. A build recomputes only the documents of
  int_documents__to_build (landed since the last build, or landed again by a newer parser):
  - pre_hook delete_documents_to_rebuild() removes their old rows from the model's table;
  - documents_to_build_filter() keeps only their rows from the model's inputs (the ids are
    inlined, so DuckDB can push the filter down to the landing scan);
  - on-run-end record_built_documents() writes the build log build_state.built_documents.
  On a first or --full-refresh build every document is built and the filter is `true`.
#}

{% macro documents_to_build_filter(column='document_id') -%}
    {%- set to_build = ref('int_documents__to_build') -%}
    {%- if execute and is_incremental() -%}
        {%- set ids = run_query('select document_id from ' ~ to_build ~ ' order by 1').columns[0].values() -%}
        {%- if ids | length == 0 -%}
            false
        {%- else -%}
            {{ column }} in ({%- for id in ids %}'{{ id }}'{{ ', ' if not loop.last }}{% endfor -%})
        {%- endif -%}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{% macro delete_documents_to_rebuild() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where document_id in (select document_id from {{ relation_of('int_documents__to_build') }})
    {%- endif -%}
{%- endmacro %}

{#- A model's relation by name, for hooks: a ref() there, under a condition, is refused by dbt's
    dependency check (the models that call these hooks depend on them already). -#}
{% macro relation_of(model_name) -%}
    {{- return((graph.nodes.values() | selectattr('resource_type', 'equalto', 'model')
                | selectattr('name', 'equalto', model_name) | first).relation_name) -}}
{%- endmacro %}

{% macro built_documents_log() -%}
    {{- return(adapter.get_relation(database=target.database, schema='build_state', identifier='built_documents')) -}}
{%- endmacro %}

{% macro record_built_documents(results) -%}
    {#- only after a run that built the document list and errored nowhere: a partial run
        (--select) or a failed model leaves the log as it was, so those documents are redone -#}
    {%- set ran = results | map(attribute='node') | map(attribute='name') | list -%}
    {%- set errors = results | selectattr('status', 'equalto', 'error') | list -%}
    {%- if execute and 'int_documents__to_build' in ran and errors | length == 0 -%}
        create schema if not exists build_state;
        create or replace table build_state.built_documents as
        select document_id, parser_version, current_timestamp as built_at
        from {{ relation_of('stg_disclosures__documents') }};
    {%- endif -%}
{%- endmacro %}

{#- The rows of `relation` that belong to the documents built in this run: document-keyed tests
    read only these, since rows of documents built before cannot have changed (their landing
    rows are the same, and the incremental models left them as they were). On a full build that
    is every document. The ref makes the test wait for the list to be built. -#}
{% macro rows_built_in_this_run(relation) -%}
    (select * from {{ relation }}
     where document_id in (select document_id from {{ ref('int_documents__to_build') }}))
{%- endmacro %}
