{#- The documents the incremental models (re)compute in this build (macros/incremental_by_document.sql):
    those the plan lists on an incremental build, with every other document of their departments
    (the rules across documents hold a final accounts against its budget and its year before, so
    a new budget or year changes the results of documents already built); every landed document
    on a full or --full-refresh build, or when no plan was written (a plain `dbt build`). -#}
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

departments as (
    select * from {{ ref('int_departments__identified') }}
),

same_department as (
    select departments.document_id
    from departments
    where departments.department_id in (
        select planned.department_id from departments as planned
        where planned.document_id in (select planned_documents.document_id from planned_documents)
    )
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
        or documents.document_id in (select same_department.document_id from same_department)
),

final as (
    select
        document_id,
        -- the run builds every landed document: filters on the list can be left out
        count(*) over () = (select count(*) from documents) as is_every_document
    from to_build
)

select * from final
