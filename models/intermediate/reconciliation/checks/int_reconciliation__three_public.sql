{#- Form 09 (三公), for the budget and the actual block:
    identity_form09_vehicles: 公务用车购置及运行维护费 小计 = 购置费 + 运行维护费;
    identity_form09_total: 合计 = 因公出国(境)费 + 公务用车 小计 + 公务接待费;
    cross_form09_vs_form06: each actual component = its 06 item (30212 因公出国(境)费用,
    30217 公务接待费, 30231 公务用车运行维护费, 31013 公务用车购置). 06 holds the general public
    budget's basic expenditure only, so a difference can be legitimate: severity warning. 06's
    figure is compared in 09's unit (a budget may print 09 in 万元 beside 06 in 元), in_unit_of. -#}
with cells as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form09_three_public')) }}
),

blocks as {{ not_materialized() }} (
    select
        document_id,
        scope,
        min(source_line) as source_line,
        max(amount) filter (where component = 'total') as total,
        max(amount) filter (where component = 'overseas_travel') as overseas_travel,
        max(amount) filter (where component = 'vehicle_total') as vehicle_total,
        max(amount) filter (where component = 'vehicle_purchase') as vehicle_purchase,
        max(amount) filter (where component = 'vehicle_operation') as vehicle_operation,
        max(amount) filter (where component = 'reception') as reception
    from cells
    group by document_id, scope
),

block_identities as {{ not_materialized() }} (
    select
        document_id,
        '09' as form,
        'identity_form09_vehicles' as rule_id,
        scope as subject_code,
        source_line,
        vehicle_total as printed_total,
        coalesce(vehicle_purchase, 0) + coalesce(vehicle_operation, 0) as terms_sum,
        {{ printed_count(['vehicle_purchase', 'vehicle_operation']) }} as term_count,
        cast(0 as decimal(38, 6)) as coarser_half_unit,
        scope || ': vehicles 小计 = purchase + operation' as detail
    from blocks
    union all
    select
        document_id,
        '09',
        'identity_form09_total',
        scope,
        source_line,
        total,
        coalesce(overseas_travel, 0) + coalesce(vehicle_total, 0) + coalesce(reception, 0),
        {{ printed_count(['overseas_travel', 'vehicle_total', 'reception']) }},
        cast(0 as decimal(38, 6)),
        scope || ': 合计 = overseas travel + vehicles 小计 + reception'
    from blocks
),

economic_items as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form06_economic_items')) }}
    where economic_code in ('30212', '30217', '30231', '31013')
),

item_pairs as {{ not_materialized() }} (
    select
        cells.document_id,
        '09' as form,
        'cross_form09_vs_form06' as rule_id,
        cells.component as subject_code,
        cells.source_line,
        {{ in_unit_of('items.amount', 'form06_unit', 'form09_unit') }} as printed_total,
        cells.amount as terms_sum,
        1 as term_count,
        {{ coarser_half_unit('form06_unit', 'form09_unit') }} as coarser_half_unit,
        '09 actual ' || cells.component || ' against 06 item ' || items.economic_code as detail
    from cells
    inner join economic_items as items
        on
            cells.document_id = items.document_id
            and items.economic_code = case cells.component
                when 'overseas_travel' then '30212'
                when 'reception' then '30217'
                when 'vehicle_operation' then '30231'
                when 'vehicle_purchase' then '31013'
            end
    inner join {{ this_run(ref('int_forms__precision')) }} as form06_unit
        on cells.document_id = form06_unit.document_id and form06_unit.form = '06'
    inner join {{ this_run(ref('int_forms__precision')) }} as form09_unit
        on cells.document_id = form09_unit.document_id and form09_unit.form = '09'
    where cells.scope = 'actual' and (coalesce(cells.amount, 0) <> 0 or coalesce(items.amount, 0) <> 0)
),

identities as {{ not_materialized() }} (
    select * from block_identities
    union all
    select * from item_pairs
),

final as {{ not_materialized() }} (
    {{ identity_results('identities', coarser_half_unit=true) }}
)

select * from final
