{#- Leaf functional codes of form 02, one row per income source. A blank cell stays NULL. -#}
with lines as (
    select * from {{ ref('stg_disclosures__form02_income') }}
    where row_kind = 'code'
),

deeper as (
    {{ codes_with_deeper('lines', 'function_code', ['document_id']) }}
),

leaves as (
    select lines.*
    from lines
    left join deeper
        on {{ deeper_join('lines', 'function_code', ['document_id']) }}
    where not coalesce(deeper.has_deeper, false)
),

by_source as (
    {%- for source in ['fiscal_appropriation', 'superior_subsidy', 'business', 'operating',
                       'affiliated_remittance', 'other'] %}
        select
            document_id,
            form,
            source_page,
            source_line,
            function_code,
            '{{ source }}' as income_source,
            amount_{{ source }} as amount
        from leaves
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

final as (
    select
        by_source.*,
        form_precision.unit,
        form_precision.yuan_per_unit
    from by_source
    inner join form_precision
        on
            by_source.document_id = form_precision.document_id
            and by_source.form = form_precision.form
)

select * from final
