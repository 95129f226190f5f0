{#- The documents the incremental models (re)compute in this build: every landed document on a
    first or --full-refresh build, else those not in the build log with their current parser
    version (new documents, and documents landed again by a newer parser). See
    macros/incremental_by_document.sql. -#}
{{ config(materialized='table') }}

{%- set log = built_documents_log() if execute else none %}

with documents as (
    select
        document_id,
        parser_version
    from {{ ref('stg_disclosures__documents') }}
),

built as (
    {%- if log is not none and not flags.FULL_REFRESH %}
        select
            document_id,
            parser_version
        from {{ log }}
    {%- else %}
        select
            cast(null as varchar) as document_id,
            cast(null as varchar) as parser_version
        where false
    {%- endif %}
),

final as (
    select documents.document_id
    from documents
    where
        not exists (
            select 1 from built
            where built.document_id = documents.document_id and built.parser_version = documents.parser_version
        )
)

select * from final
