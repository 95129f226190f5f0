{#- Leaf functional codes of the expenditure forms: 03 covers all funds, 05 the general
    public budget. Amounts stay in the printed unit; yuan_per_unit converts them. -#}
with all_funds as (
    select
        'all_funds' as fund_scope,
        document_id,
        form,
        source_page,
        source_line,
        function_code,
        amount_total,
        amount_basic,
        amount_project,
        amount_remittance_to_superior,
        amount_operating,
        amount_subsidy_to_affiliates
    from {{ ref('stg_disclosures__form03_expenditure') }}
    where row_kind = 'code'
),

general_public_budget as (
    select
        'general_public_budget' as fund_scope,
        document_id,
        form,
        source_page,
        source_line,
        function_code,
        amount_total,
        amount_basic,
        amount_project,
        cast(null as decimal(18, 4)) as amount_remittance_to_superior,
        cast(null as decimal(18, 4)) as amount_operating,
        cast(null as decimal(18, 4)) as amount_subsidy_to_affiliates
    from {{ ref('stg_disclosures__form05_general_budget_expenditure') }}
    where row_kind = 'code'
),

lines as (
    select * from all_funds
    union all
    select * from general_public_budget
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

deeper as (
    {{ codes_with_deeper('lines', 'function_code', ['document_id', 'fund_scope']) }}
),

final as (
    select
        lines.*,
        form_precision.unit,
        form_precision.yuan_per_unit
    from lines
    inner join form_precision
        on
            lines.document_id = form_precision.document_id
            and lines.form = form_precision.form
    left join deeper
        on {{ deeper_join('lines', 'function_code', ['document_id', 'fund_scope']) }}
    where not coalesce(deeper.has_deeper, false)
)

select * from final
