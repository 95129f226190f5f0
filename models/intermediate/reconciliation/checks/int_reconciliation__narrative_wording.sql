{#- The narrative's words against its own numbers:
    narrative_direction_words: 决算数小于/大于/等于(年初)预算数, 持平, 基本持平 agree with the
      actual and budget the claim prints: 大于 / 小于 as the printed figures compare, 等于 / 持平
      within print tolerance, 基本持平 within a tenth of the budget; a change given as both an
      amount and a percentage has one direction (增加 with 增长, 减少 with 下降);
    narrative_completion_base: a completion rate stated of the 年初预算 (完成年初预算的 P%) is of a
      年初预算 printed above zero: one printed as 0 in the claim, or blank or 0 in form 09 for a
      三公 component, means the rate is of another (全年 / 调整后) budget;
    narrative_breakdown_parts: the parts of the 政府采购 total it breaks down (货物 + 工程 + 服务)
      add up to it, and what went to 中小企业 (and to 小微企业 within it) is no more than it. -#}
with claims as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__narrative_claims')) }}
),

table_facts as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_narrative__table_facts')) }}
    where scope = 'budget'
),

compared as {{ not_materialized() }} (
    select
        *,
        coalesce(adjusted_budget, initial_budget) as budget,
        coalesce(adjusted_budget_half_unit, initial_budget_half_unit) as budget_half_unit
    from claims
    where stated_comparison is not null and actual is not null
),

comparison_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_direction_words' as rule_id,
        form,
        claim_key || '|comparison' as check_key,
        coalesce(function_code, subject_key) as subject_code,
        'stated_comparison' as measure,
        cast(budget as decimal(38, 6)) as expected_amount,
        cast(actual as decimal(38, 6)) as actual_amount,
        cast(actual - budget as decimal(38, 6)) as difference,
        cast(
            case stated_comparison
                when 'about_equal' then greatest({{ divide('budget', '10') }}, budget_half_unit + actual_half_unit)
                when 'equal' then budget_half_unit + actual_half_unit
                else 0
            end as decimal(38, 6)
        ) as tolerance,
        case
            when stated_comparison = 'more' and actual > budget then 'pass'
            when stated_comparison = 'less' and actual < budget then 'pass'
            when stated_comparison = 'equal' and abs(actual - budget) <= budget_half_unit + actual_half_unit then 'pass'
            when
                stated_comparison = 'about_equal'
                and abs(actual - budget) <= greatest({{ divide('budget', '10') }}, budget_half_unit + actual_half_unit)
                then 'pass'
            else 'fail'
        end as outcome,
        money_unit as unit,
        source_line,
        coalesce(nullif(subject_label, ''), subject_key) || ': actual ' || cast(actual as string) || ', budget '
        || cast(budget as string) || ', the prose says ' || stated_comparison as detail
    from compared
),

change_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_direction_words' as rule_id,
        form,
        claim_key || '|change_direction' as check_key,
        coalesce(function_code, subject_key) as subject_code,
        'change_direction' as measure,
        {{ fact_check_columns('sign(change_amount) * sign(change_percent) < 0') }},
        '%' as unit,
        source_line,
        coalesce(nullif(subject_label, ''), subject_key) || ': change ' || cast(change_amount as string)
        || ' and ' || cast(change_percent as string) || '% ' || 'stated in the same claim' as detail
    from claims
    where change_amount is not null and change_percent is not null
),

completion_bases as {{ not_materialized() }} (
    select
        claims.*,
        coalesce(
            claims.initial_budget,
            -- 09 read (or printed empty: its blank cells are 0 there); no 09 read, nothing to judge
            case when claims.subject_key like 'three_public%' then table_facts.table_amount end
        ) as initial_budget_printed
    from claims
    left join table_facts
        on claims.document_id = table_facts.document_id and claims.subject_key = table_facts.fact_key
    where claims.completion_percent is not null and claims.completion_basis = 'initial'
),

completion_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_completion_base' as rule_id,
        form,
        claim_key || '|completion_base' as check_key,
        coalesce(function_code, subject_key) as subject_code,
        'completion_base' as measure,
        {{ fact_check_columns('initial_budget_printed = 0') }},
        '%' as unit,
        source_line,
        coalesce(nullif(subject_label, ''), subject_key) || ': 完成年初预算的 ' || cast(completion_percent as string)
        || '% of a 年初预算 printed as ' || cast(initial_budget_printed as string) as detail
    from completion_bases
    where initial_budget_printed is not null
),

procurement_totals as {{ not_materialized() }} (
    -- the first procurement total of each document (a qualify, written as a filter on a rank for Spark)
    select
        document_id,
        claim_no,
        source_line,
        amount as total,
        amount_half_unit as total_half_unit,
        money_unit as unit
    from (
        select
            *,
            row_number() over (partition by document_id order by claim_no) as total_rank
        from claims
        where subject_key = 'procurement_total' and amount is not null
    ) as ranked
    where total_rank = 1
),

procurement_parts as {{ not_materialized() }} (
    -- the parts printed right after the total (其中：货物…、工程…、服务…), not a breakdown of
    -- something else further on (what went to 中小企业 by type)
    select
        totals.document_id,
        sum(parts.amount) as parts_sum,
        sum(parts.amount_half_unit) as parts_half_units,
        count(*) as part_count
    from procurement_totals as totals
    inner join claims as parts
        on
            totals.document_id = parts.document_id
            and parts.claim_no between totals.claim_no + 1 and totals.claim_no + 3
    where
        parts.subject_key in ('procurement_goods', 'procurement_works', 'procurement_services')
        and parts.amount is not null
    group by totals.document_id
),

procurement_suppliers as {{ not_materialized() }} (
    select
        document_id,
        sum(amount) filter (where subject_key = 'procurement_sme') as sme,
        sum(amount_half_unit) filter (where subject_key = 'procurement_sme') as sme_half_units,
        sum(amount) filter (where subject_key = 'procurement_small_micro') as small_micro,
        sum(amount_half_unit) filter (where subject_key = 'procurement_small_micro') as small_micro_half_units
    from claims
    where subject_key in ('procurement_sme', 'procurement_small_micro') and amount is not null
    group by document_id
),

breakdowns as {{ not_materialized() }} (
    select
        totals.document_id,
        'parts' as part,
        totals.total as whole,
        parts.parts_sum,
        totals.total_half_unit + parts.parts_half_units as tolerance,
        false as at_most,
        totals.source_line,
        totals.unit,
        '政府采购 ' || cast(totals.total as string) || ' against 货物 + 工程 + 服务 ' as detail
    from procurement_totals as totals
    inner join procurement_parts as parts on totals.document_id = parts.document_id
    where parts.part_count >= 2
    union all
    select
        totals.document_id,
        'sme',
        totals.total,
        suppliers.sme,
        totals.total_half_unit + suppliers.sme_half_units,
        true,
        totals.source_line,
        totals.unit,
        '政府采购 ' || cast(totals.total as string) || ' against what went to 中小企业 '
    from procurement_totals as totals
    inner join procurement_suppliers as suppliers on totals.document_id = suppliers.document_id
    where suppliers.sme is not null
    union all
    select
        totals.document_id,
        'small_micro',
        coalesce(suppliers.sme, totals.total),
        suppliers.small_micro,
        coalesce(suppliers.sme_half_units, totals.total_half_unit) + suppliers.small_micro_half_units,
        true,
        totals.source_line,
        totals.unit,
        coalesce('中小企业 ' || cast(suppliers.sme as string), '政府采购 ' || cast(totals.total as string))
        || ' against what went to 小微企业 '
    from procurement_totals as totals
    inner join procurement_suppliers as suppliers on totals.document_id = suppliers.document_id
    where suppliers.small_micro is not null
),

breakdown_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_breakdown_parts' as rule_id,
        'narrative' as form,
        'narrative|procurement|' || part as check_key,
        'procurement_' || part as subject_code,
        'amount' as measure,
        cast(whole as decimal(38, 6)) as expected_amount,
        cast(parts_sum as decimal(38, 6)) as actual_amount,
        cast(parts_sum - whole as decimal(38, 6)) as difference,
        cast(tolerance as decimal(38, 6)) as tolerance,
        case
            when at_most and parts_sum - whole > tolerance then 'fail'
            when not at_most and abs(parts_sum - whole) > tolerance then 'fail'
            else 'pass'
        end as outcome,
        unit,
        source_line,
        detail || cast(parts_sum as string) as detail
    from breakdowns
),

final as {{ not_materialized() }} (
    select * from comparison_checks
    union all
    select * from change_checks
    union all
    select * from completion_checks
    union all
    select * from breakdown_checks
)

select * from final
