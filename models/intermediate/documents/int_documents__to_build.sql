{#- The documents the incremental models (re)compute in this build (macros/incremental_by_document.sql):
    those the plan lists on an incremental build; every landed document on a full or
    --full-refresh build, or when no plan was written (a plain `dbt build`). -#}
{{ config(materialized='table') }}

with documents as (
    select document_id
    from {{ ref('stg_disclosures__documents') }}
),

plan as (
    select build_mode
    from {{ ref('stg_build_state__build_plan') }}
    {%- if flags.FULL_REFRESH %}
        where false
    {%- endif %}
),

planned_documents as (
    select document_id
    from {{ ref('stg_build_state__documents_to_build') }}
),

to_build as (
    select documents.document_id
    from documents
    where
        not exists (
            select 1 from plan
            where plan.build_mode = 'incremental'
        )
        or documents.document_id in (select planned_documents.document_id from planned_documents)
),

final as (
    select
        document_id,
        -- the run builds every landed document: filters on the list can be left out
        count(*) over () = (select count(*) from documents) as is_every_document
    from to_build
)

select * from final
