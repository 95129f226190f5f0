{#- Leaf components of 三公 (the printed 合计 and vehicle 小计 are reconciled, not stored). -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with cells as (
    select * from {{ ref('stg_disclosures__form09_three_public') }}
    where
        {{ documents_to_build_filter() }}
        and component in ('overseas_travel', 'vehicle_purchase', 'vehicle_operation', 'reception')
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

final as (
    select
        cells.document_id,
        cells.component,
        cells.form,
        min(cells.source_page) as source_page,
        min(cells.source_line) as source_line,
        form_precision.unit,
        max(cells.amount) filter (where cells.scope = 'budget') as budget_amount_printed,
        max(cells.amount) filter (where cells.scope = 'actual') as actual_amount_printed,
        cast(
            max(cells.amount) filter (where cells.scope = 'budget') * form_precision.yuan_per_unit
            as decimal(20, 2)
        ) as budget_amount_yuan,
        cast(
            max(cells.amount) filter (where cells.scope = 'actual') * form_precision.yuan_per_unit
            as decimal(20, 2)
        ) as actual_amount_yuan
    from cells
    inner join form_precision
        on cells.document_id = form_precision.document_id and cells.form = form_precision.form
    group by cells.document_id, cells.component, cells.form, form_precision.unit, form_precision.yuan_per_unit
)

select * from final
