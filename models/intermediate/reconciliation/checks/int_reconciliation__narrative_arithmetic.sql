{#- The arithmetic inside the narrative, recomputed from its own figures:
    narrative_change_arithmetic: a change given as a percentage agrees with the current figure
      and the change amount, or the prior figure, printed with it: percent = change / (current -
      change) x 100 (the prior year's figure, or the budget for a change against budget), or
      (current - prior) / prior x 100 (a budget's 比上年预算执行数增加 P%);
    narrative_completion_rate: 完成预算的 P% = actual / budget x 100 (the adjusted budget when
      one is given: 执行率 is against it), for budgets above zero;
    narrative_share_recomputed: 占 P% = the figure / the total it is a share of x 100, the total
      taken from the tables, else from the narrative's own figure for it (政府采购).
    Percentages are compared in percentage points. The tolerance is half a unit of the printed
    percentage plus what the printed rounding of the amounts can move the ratio. -#}
with claims as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__narrative_claims')) }}
),

facts as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_narrative__table_facts')) }}
    where scope = 'actual'
),

changes as {{ not_materialized() }} (
    select
        *,
        cast(coalesce(amount, actual) as double) as current_figure,
        cast(coalesce(amount_half_unit, actual_half_unit) as double) as current_half_unit,
        cast(coalesce(prior_amount, coalesce(amount, actual) - change_amount) as double) as base_figure,
        cast(coalesce(change_amount, coalesce(amount, actual) - prior_amount) as double) as change_figure,
        cast(
            coalesce(change_amount_half_unit, coalesce(amount_half_unit, actual_half_unit) + prior_amount_half_unit)
            as double
        ) as change_half_unit
    from claims
    where
        change_percent is not null and coalesce(amount, actual) is not null
        and (change_amount is not null or prior_amount is not null)
),

change_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_change_arithmetic' as rule_id,
        form,
        claim_key || '|change' as check_key,
        subject_key as subject_code,
        'change_percent' as measure,
        {{ amount_check_columns(
            'change_percent',
            '100 * change_figure / nullif(base_figure, 0)',
            'change_percent_half_unit + 100 * (change_half_unit / abs(base_figure)'
            ~ ' + abs(change_figure) * (current_half_unit + change_half_unit) / (base_figure * base_figure))'
        ) }},
        '%' as unit,
        source_line,
        coalesce(nullif(subject_label, ''), subject_key) || ': ' || {{ number_text('current_figure') }}
        || ', change ' || {{ number_text('change_figure') }} || ' against ' || change_basis || ' '
        || {{ number_text('base_figure') }} || ', stated ' || cast(change_percent as string) || '%' as detail
    from changes
    where base_figure <> 0
),

completions as {{ not_materialized() }} (
    select
        *,
        cast(coalesce(actual, amount) as double) as actual_figure,
        cast(coalesce(actual_half_unit, amount_half_unit) as double) as actual_half,
        cast(coalesce(adjusted_budget, initial_budget) as double) as budget_figure,
        cast(coalesce(adjusted_budget_half_unit, initial_budget_half_unit) as double) as budget_half
    from claims
    where completion_percent is not null
),

completion_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_completion_rate' as rule_id,
        form,
        claim_key || '|completion' as check_key,
        coalesce(function_code, subject_key) as subject_code,
        'completion_percent' as measure,
        {{ amount_check_columns(
            'completion_percent',
            '100 * actual_figure / budget_figure',
            'completion_percent_half_unit + 100 * (actual_half / budget_figure'
            ~ ' + actual_figure * budget_half / (budget_figure * budget_figure))'
        ) }},
        '%' as unit,
        source_line,
        coalesce(nullif(subject_label, ''), subject_key) || ': ' || {{ number_text('actual_figure') }} || ' of budget '
        || {{ number_text('budget_figure') }} || ', stated ' || cast(completion_percent as string) || '%' as detail
    from completions
    where budget_figure > 0 and actual_figure is not null
),

share_bases as (
    -- the first narrative base of each claim (a qualify, written as a filter on a rank for Spark)
    select
        document_id,
        claim_no,
        base_yuan,
        base_half_yuan
    from (
        select
            claims.document_id,
            claims.claim_no,
            coalesce(
                facts.table_amount * facts.yuan_per_unit, narrative_base.amount * narrative_base.yuan_per_unit
            ) as base_yuan,
            coalesce(
                facts.half_unit * facts.yuan_per_unit, narrative_base.amount_half_unit * narrative_base.yuan_per_unit
            ) as base_half_yuan,
            row_number() over (
                partition by claims.document_id, claims.claim_no order by narrative_base.claim_no
            ) as base_rank
        from claims
        left join facts
            on claims.document_id = facts.document_id and claims.share_base = facts.fact_key
        left join claims as narrative_base
            on
                claims.document_id = narrative_base.document_id
                and claims.share_base = narrative_base.subject_key
                and narrative_base.amount is not null
        where claims.share_percent is not null
    ) as ranked
    where base_rank = 1
),

shares as {{ not_materialized() }} (
    select
        claims.*,
        -- ratios are computed in double: squared yuan overflow DECIMAL(38); the results are
        -- compared as DECIMAL(38, 6) percentage points
        cast(coalesce(claims.amount, claims.actual) * claims.yuan_per_unit as double) as part_yuan,
        cast(coalesce(claims.amount_half_unit, claims.actual_half_unit) * claims.yuan_per_unit as double)
            as part_half_yuan,
        cast(share_bases.base_yuan as double) as base_yuan,
        cast(share_bases.base_half_yuan as double) as base_half_yuan
    from claims
    inner join share_bases
        on claims.document_id = share_bases.document_id and claims.claim_no = share_bases.claim_no
    where coalesce(claims.amount, claims.actual) is not null and share_bases.base_yuan > 0
),

share_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_share_recomputed' as rule_id,
        form,
        claim_key || '|share' as check_key,
        coalesce(function_code, subject_key) as subject_code,
        'share_percent' as measure,
        {{ amount_check_columns(
            'share_percent',
            '100 * part_yuan / base_yuan',
            'share_percent_half_unit + 100 * (part_half_yuan / base_yuan + part_yuan * base_half_yuan'
            ~ ' / (base_yuan * base_yuan))'
        ) }},
        '%' as unit,
        source_line,
        coalesce(nullif(subject_label, ''), subject_key) || ': ' || {{ number_text('part_yuan / yuan_per_unit') }}
        || ' of ' || share_base || ' ' || {{ number_text('base_yuan / yuan_per_unit') }} || ', stated '
        || cast(share_percent as string) || '%' as detail
    from shares
),

final as {{ not_materialized() }} (
    select * from change_checks
    union all
    select * from completion_checks
    union all
    select * from share_checks
)

select * from final
