{#- Amounts printed under columns the catalogue does not know (其中：教育收费, 其中：基本建设资金支出),
    as printed, under their header: no printed number is lost because its column is unusual. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with cells as (
    select * from {{ ref('stg_disclosures__extra_measures') }}
    where {{ documents_to_build_filter() }}
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

final as (
    select
        cells.document_id,
        cells.form,
        cells.source_page,
        cells.source_line,
        cells.column_no,
        cells.column_header,
        cells.row_kind,
        cells.row_key,
        form_precision.unit,
        cells.amount as amount_printed,
        cast(cells.amount * form_precision.yuan_per_unit as decimal(20, 2)) as amount_yuan
    from cells
    inner join form_precision
        on cells.document_id = form_precision.document_id and cells.form = form_precision.form
)

select * from final
