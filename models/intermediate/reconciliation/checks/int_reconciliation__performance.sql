{#- Performance self-evaluation tables, and the same quantity stated in several places:
    performance_execution_rate: a table's printed 执行率 = 执行数 / 预算数 x 100;
    performance_projects_vs_project_expenditure: the project tables' 执行数 add up to 05's
      项目支出 合计 (the self-evaluation covers every general-budget project);
    narrative_same_quantity: one quantity, every place that states it: the general budget's
      initial budget (section 五 of the narrative, the performance section, the department-wide
      table's 预算数), the department's actual spending, and each project's budget and execution
      in prose and in its table (paired by name, quotes and a trailing 项目 ignored). Each place is
      compared with the first one printed.
    Quantities are compared in the performance tables' unit, with their print tolerance
    (stg_disclosures__performance_tables: money_unit, amount_half_unit). -#}
{%- set per_performance_unit = '(select performance_unit.yuan_per_unit from performance_unit)' %}

with tables as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__performance_tables')) }}
),

claims as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__narrative_claims')) }}
),

facts as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_narrative__table_facts')) }}
),

performance_unit as {{ not_materialized() }} (
    select
        unit,
        yuan_per_unit
    from {{ ref('ref_money_units') }}
    where unit = {{ performance_table_unit() }}
),

rate_checks as {{ not_materialized() }} (
    select
        document_id,
        'performance_execution_rate' as rule_id,
        form,
        'performance|' || source_line || '|rate' as check_key,
        entity_name as subject_code,
        'execution_rate' as measure,
        {{ amount_check_columns(
            'execution_rate',
            divide('100 * execution_amount', 'budget_amount'),
            half_print_unit('case when execution_rate = round(execution_rate) then 0 else 2 end')
            ~ ' + 100 * (' ~ divide('amount_half_unit', 'budget_amount')
            ~ ' + ' ~ divide('execution_amount * amount_half_unit', '(budget_amount * budget_amount)') ~ ')'
        ) }},
        '%' as unit,
        budget_line as source_line,
        coalesce(entity_name, title) || ': 执行数 ' || cast(execution_amount as string) || ' / 预算数 '
        || cast(budget_amount as string) || ', printed ' || cast(execution_rate as string) || '%' as detail
    from tables
    where budget_amount > 0 and execution_amount is not null and execution_rate is not null
),

project_sums as {{ not_materialized() }} (
    select
        document_id,
        count(*) as project_tables,
        count(execution_amount) as printed_executions,
        any_value(amount_half_unit) as amount_half_unit,
        sum(execution_amount) as execution_sum,
        min(source_line) as source_line
    from tables
    where table_kind = 'project'
    group by document_id
),

project_sum_checks as {{ not_materialized() }} (
    select
        project_sums.document_id,
        'performance_projects_vs_project_expenditure' as rule_id,
        'performance' as form,
        'performance|projects|project_expenditure' as check_key,
        'project_expenditure' as subject_code,
        'execution_amount' as measure,
        {{ amount_check_columns(
            'facts.table_amount',
            'project_sums.execution_sum',
            sum_tolerance('project_sums.printed_executions', 'project_sums.amount_half_unit')
        ) }},
        facts.unit,
        project_sums.source_line,
        cast(project_sums.project_tables as string)
        || ' project tables ('
        || cast(project_sums.printed_executions as string)
        || ' print 执行数) sum to ' || cast(project_sums.execution_sum as string) || ' against 05 项目支出 '
        || cast(facts.table_amount as string) as detail
    from project_sums
    inner join facts
        on
            project_sums.document_id = facts.document_id
            and facts.fact_key = 'project_expenditure'
            and facts.scope = 'actual'
),

statements as {{ not_materialized() }} (
    {#- (document, quantity, place, line, value and half unit in the performance tables' unit) -#}
    select
        document_id,
        'general_budget_initial_budget' as quantity,
        'narrative ' || topic as place,
        source_line,
        {{ divide('initial_budget * yuan_per_unit', per_performance_unit) }} as figure,
        {{ divide('initial_budget_half_unit * yuan_per_unit', per_performance_unit) }} as half_unit
    from claims
    where subject_key in ('general_budget_expenditure', 'department_total') and initial_budget is not null
    union all
    select
        document_id,
        'general_budget_initial_budget',
        'department table',
        budget_line,
        budget_amount,
        amount_half_unit
    from tables
    where table_kind = 'department' and budget_amount is not null
    union all
    select
        document_id,
        'department_actual',
        'narrative ' || topic || ' ' || subject_key,
        source_line,
        {{ divide('coalesce(actual, amount) * yuan_per_unit', per_performance_unit) }},
        {{ divide('coalesce(actual_half_unit, amount_half_unit) * yuan_per_unit', per_performance_unit) }}
    from claims
    where
        (
            subject_key = 'department_total'
            or (subject_key = 'general_budget_expenditure' and initial_budget is not null)
        )
        and coalesce(actual, amount) is not null
    union all
    select
        document_id,
        'department_actual',
        'department table',
        budget_line,
        execution_amount,
        amount_half_unit
    from tables
    where table_kind = 'department' and execution_amount is not null
    union all
    select
        document_id,
        'project ' || {{ project_name_key('subject_label') }} || ' ' || measure,
        'narrative',
        source_line,
        {{ divide('figure * yuan_per_unit', per_performance_unit) }},
        {{ divide('half_unit * yuan_per_unit', per_performance_unit) }}
    from {{ this_run(ref('int_narrative__claim_figures')) }}
    where subject_key = 'project' and measure in ('initial_budget', 'actual')
    union all
    select
        document_id,
        'project ' || {{ project_name_key('entity_name') }} || ' initial_budget',
        'project table',
        budget_line,
        budget_amount,
        amount_half_unit
    from tables
    where table_kind = 'project' and budget_amount is not null
    union all
    select
        document_id,
        'project ' || {{ project_name_key('entity_name') }} || ' actual',
        'project table',
        budget_line,
        execution_amount,
        amount_half_unit
    from tables
    where table_kind = 'project' and execution_amount is not null
),

ranked as (
    select
        *,
        first_value(figure) over by_line as first_figure,
        first_value(half_unit) over by_line as first_half_unit,
        first_value(place || ' line ' || source_line) over by_line as first_place,
        row_number() over by_line as place_rank,
        count(*) over (partition by document_id, quantity) as places
    from statements
    window by_line as (partition by document_id, quantity order by source_line)
),

same_quantity_checks as {{ not_materialized() }} (
    select
        document_id,
        'narrative_same_quantity' as rule_id,
        'narrative' as form,
        'same|' || quantity || '|' || place || '|' || source_line as check_key,
        quantity as subject_code,
        'amount' as measure,
        {{ amount_check_columns('first_figure', 'figure', 'first_half_unit + half_unit') }},
        (select performance_unit.unit from performance_unit) as unit,
        source_line,
        quantity || ': ' || place || ' line ' || source_line || ' states ' || {{ number_text('figure') }}
        || ', ' || first_place || ' states ' || {{ number_text('first_figure') }} as detail
    from ranked
    where place_rank > 1
),

final as {{ not_materialized() }} (
    select * from rate_checks
    union all
    select * from project_sum_checks
    union all
    select * from same_quantity_checks
)

select * from final
