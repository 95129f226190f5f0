{#- Leaf economic items of form 06 (款, or a 类 printed without 款), with their category. -#}
with items as (
    select * from {{ ref('stg_disclosures__form06_economic_items') }}
    where row_kind in ('class', 'section')
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

deeper as (
    {{ codes_with_deeper('items', 'economic_code', ['document_id']) }}
),

final as (
    select
        items.document_id,
        items.form,
        items.source_page,
        items.source_line,
        items.block_no,
        items.economic_code,
        items.expense_category,
        items.amount,
        form_precision.unit,
        form_precision.yuan_per_unit
    from items
    inner join form_precision
        on
            items.document_id = form_precision.document_id
            and items.form = form_precision.form
    left join deeper
        on {{ deeper_join('items', 'economic_code', ['document_id']) }}
    where not coalesce(deeper.has_deeper, false)
)

select * from final
