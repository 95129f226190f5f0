{#- What changed between consecutive versions of one disclosure (int_departments__disclosures):
    one row per cell added, removed or changed (int_documents__cells), amounts in yuan. Kept by
    document: a version's rows depend on its disclosure's documents only, and a build builds every
    document of the departments it touches. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with versions as (
    select * from {{ this_run(ref('int_departments__disclosures')) }}
    where previous_version_document_id is not null
),

cells as (
    select * from {{ this_run(ref('int_documents__cells')) }}
),

current_cells as (
    select
        versions.document_id,
        cells.form,
        cells.cell_key,
        cells.amount_yuan
    from versions
    inner join cells on versions.document_id = cells.document_id
),

previous_cells as (
    select
        versions.document_id,
        cells.form,
        cells.cell_key,
        cells.amount_yuan
    from versions
    inner join cells on versions.previous_version_document_id = cells.document_id
),

compared as (
    select
        coalesce(current_cells.document_id, previous_cells.document_id) as document_id,
        coalesce(current_cells.form, previous_cells.form) as form,
        coalesce(current_cells.cell_key, previous_cells.cell_key) as cell_key,
        previous_cells.amount_yuan as previous_amount_yuan,
        current_cells.amount_yuan
    from current_cells
    full outer join previous_cells
        on
            current_cells.document_id = previous_cells.document_id
            and current_cells.form = previous_cells.form
            and current_cells.cell_key = previous_cells.cell_key
    where current_cells.amount_yuan is distinct from previous_cells.amount_yuan
),

final as (
    select
        versions.disclosure_id,
        versions.department_id,
        versions.fiscal_year,
        versions.document_kind,
        versions.document_id,
        versions.previous_version_document_id,
        versions.version_no,
        versions.version_basis,
        compared.form,
        compared.cell_key,
        case
            when compared.previous_amount_yuan is null then 'added'
            when compared.amount_yuan is null then 'removed'
            else 'changed'
        end as change_kind,
        compared.previous_amount_yuan,
        compared.amount_yuan,
        cast(coalesce(compared.amount_yuan, 0) - coalesce(compared.previous_amount_yuan, 0) as decimal(20, 2))
            as difference_yuan
    from compared
    inner join versions on compared.document_id = versions.document_id
)

select * from final
