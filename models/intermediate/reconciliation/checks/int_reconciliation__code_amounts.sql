{#- cross_form05_codes_within_form03: 05 is the general-public-budget part of 03's all-funds
    spending, so for every code printed in both, no 05 column (total, basic, project) exceeds
    the same column of 03 by more than print tolerance. One-sided: 05 below 03 is normal when
    other funds pay too. (02 against 03 is not compared: income and spending of a code differ
    whenever there are carry-overs.) -#}
with form03 as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form03_expenditure')) }}
    where row_kind = 'code'
),

form05 as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form05_general_budget_expenditure')) }}
    where row_kind = 'code'
),

pairs as {{ not_materialized() }} (
    {%- for measure in ['total', 'basic', 'project'] %}
        select
            form05.document_id,
            form05.function_code,
            form05.source_line,
            '{{ measure }}' as measure,
            form03.amount_{{ measure }} as all_funds_amount,
            form05.amount_{{ measure }} as general_budget_amount
        from form05
        inner join form03
            on form05.document_id = form03.document_id and form05.function_code = form03.function_code
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

form_precision as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_forms__precision')) }}
    where form = '05'
),

final as {{ not_materialized() }} (
    select
        pairs.document_id,
        'cross_form05_codes_within_form03' as rule_id,
        '05' as form,
        '05|' || pairs.function_code || '|' || pairs.measure as check_key,
        pairs.function_code as subject_code,
        pairs.measure,
        cast(coalesce(pairs.all_funds_amount, 0) as decimal(38, 6)) as expected_amount,
        cast(coalesce(pairs.general_budget_amount, 0) as decimal(38, 6)) as actual_amount,
        cast(coalesce(pairs.general_budget_amount, 0) - coalesce(pairs.all_funds_amount, 0) as decimal(38, 6))
            as difference,
        {{ sum_tolerance(1, 'form_precision.half_unit') }} as tolerance,
        case
            when
                coalesce(pairs.general_budget_amount, 0) - coalesce(pairs.all_funds_amount, 0)
                > {{ sum_tolerance(1, 'form_precision.half_unit') }}
                then 'fail'
            else 'pass'
        end as outcome,
        form_precision.unit,
        pairs.source_line,
        '05 ' || pairs.measure || ' of ' || pairs.function_code || ' (general public budget) against 03 (all funds)'
            as detail
    from pairs
    inner join form_precision on pairs.document_id = form_precision.document_id
)

select * from final
