{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with leaves as (
    select * from {{ ref('int_economic_items__leaves') }}
    where {{ documents_to_build_filter() }}
),

final as (
    select
        document_id,
        economic_code,
        expense_category,
        form,
        source_page,
        source_line,
        block_no,
        unit,
        amount as amount_printed,
        cast(amount * yuan_per_unit as decimal(20, 2)) as amount_yuan
    from leaves
)

select * from final
