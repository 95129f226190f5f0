{#
  Incremental marts keyed by document. A build recomputes only the documents of
  int_documents__to_build (from the plan ingest/build_plan.py writes into the source build_state):
  - pre_hook delete_documents_to_rebuild() removes their old rows from the model's table;
  - documents_to_build_filter() keeps only their rows from the model's inputs (the ids inlined).
  On a first or --full-refresh build every document is built and the filter is `true`.
  ingest/build_plan.py records what was built once the build passed.
#}

{#- The documents of this run as a constant list, read from int_documents__to_build (a declared
    dependency); none when the run builds every landed document. DuckDB pushes a constant IN list
    down through the views into the landing scans, a semi-join on the list it does not: an
    incremental build of 10 new documents among 1,000 took 45% longer with the semi-join. -#}
{% macro documents_of_this_run() -%}
    {%- set to_build = ref('int_documents__to_build') -%}
    {%- if not execute -%}
        {{ return(none) }}
    {%- endif -%}
    {#- read once per node (`model` is the node's own dict for this render): a check model reads a
        dozen inputs through this_run(), and each query costs the build about 16 ms -#}
    {%- if '_documents_of_this_run' not in model -%}
        {%- set rows = run_query('select document_id, is_every_document from ' ~ to_build ~ ' order by 1').rows -%}
        {%- set every_document = rows | length > 0 and rows[0][1] -%}
        {%- do model.update({'_documents_of_this_run': none if every_document else rows | map(attribute=0) | list}) -%}
    {%- endif -%}
    {{ return(model['_documents_of_this_run']) }}
{%- endmacro %}

{#- `column` in the documents of this run: a constant list, `false` for none, `true` for all. -#}
{% macro in_documents_of_this_run(column, ids) -%}
    {%- if ids is none -%}
        true
    {%- elif ids | length == 0 -%}
        false
    {%- else -%}
        {{ column }} in ({%- for id in ids %}'{{ id }}'{{ ', ' if not loop.last }}{% endfor -%})
    {%- endif -%}
{%- endmacro %}

{% macro documents_to_build_filter(column='document_id') -%}
    {%- set to_build = ref('int_documents__to_build') -%}   {#- the dependency, declared at parse time too -#}
    {%- set ids = documents_of_this_run() if is_incremental() else none -%}
    {{ in_documents_of_this_run(column, ids) }}
{%- endmacro %}

{#- `relation`'s rows of the documents built in this run, as a subquery: how an incremental model
    reads each input, so that the filter reaches both sides of a self-join (a view filtered once
    from outside computes the other side for every document). -#}
{% macro this_run(relation) -%}
    (select * from {{ relation }} where {{ documents_to_build_filter() }})
{%- endmacro %}

{#- The models calling this hook call documents_to_build_filter() too, which declares their
    dependency on int_documents__to_build. -#}
{% macro delete_documents_to_rebuild() -%}
    {%- set to_build = ref('int_documents__to_build') -%}
    {%- if is_incremental() -%}
        {{ return(adapter.dispatch('delete_documents_to_rebuild')(to_build)) }}
    {%- endif -%}
{%- endmacro %}

{% macro default__delete_documents_to_rebuild(to_build) -%}
    delete from {{ this }} where document_id in (select document_id from {{ to_build }})
{%- endmacro %}

{#- Spark's Parquet tables take no delete. A run that builds every document empties the table; one
    that builds some rewrites it without them, through a copy, since Spark cannot overwrite a
    table it reads. -#}
{% macro spark__delete_documents_to_rebuild(to_build) -%}
    {%- set ids = documents_of_this_run() -%}
    {%- if ids is none -%}
        truncate table {{ this }}
    {%- else -%}
        {%- set kept = this.incorporate(path={'identifier': this.identifier ~ '__kept'}) -%}
        {%- if execute -%}
            {%- do run_query('drop table if exists ' ~ kept) -%}
            {%- do run_query('create table ' ~ kept ~ ' using parquet as select * from ' ~ this
                             ~ ' where not (' ~ in_documents_of_this_run('document_id', ids) ~ ')') -%}
            {%- do run_query('insert overwrite table ' ~ this ~ ' select * from ' ~ kept) -%}
        {%- endif -%}
        drop table if exists {{ kept }}
    {%- endif -%}
{%- endmacro %}

{#- The rows of `relation` that belong to the documents built in this run: document-keyed tests
    read only these, since rows of documents built before cannot have changed (their landing
    rows are the same, and the incremental models left them as they were). On a full build that
    is every document. -#}
{% macro rows_built_in_this_run(relation) -%}
    (select * from {{ relation }} where {{ in_documents_of_this_run('document_id', documents_of_this_run()) }})
{%- endmacro %}
