{#- The printed table values a narrative subject can be checked against, one row per
    (document, fact_key, scope): scope 'actual' for spending and income, 'budget' for the 三公
    budget block. fact_key is the narrative subject key; 'code:<code>@<form>' for a functional
    code; basic/project spending of all funds (form 03) is '<key>_all_funds'. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with summary_lines as (
    select
        document_id,
        form,
        side,
        line_kind,
        item_name,
        source_line,
        amount_total
    from {{ this_run(ref('stg_disclosures__form01_summary_lines')) }}
    union all
    select
        document_id,
        form,
        side,
        line_kind,
        item_name,
        source_line,
        amount_total
    from {{ this_run(ref('stg_disclosures__form04_fiscal_summary_lines')) }}
),

function_lines as (
    select
        document_id,
        form,
        source_line,
        function_code,
        amount_total
    from {{ this_run(ref('stg_disclosures__form03_expenditure')) }}
    where row_kind = 'code'
    union all
    select
        document_id,
        form,
        source_line,
        function_code,
        amount_total
    from {{ this_run(ref('stg_disclosures__form05_general_budget_expenditure')) }}
    where row_kind = 'code'
),

printed_totals as (
    select
        document_id,
        form,
        case
            when form = '05' and measure = 'total' then 'general_budget_expenditure'
            when form = '05' and measure = 'basic' then 'basic_expenditure'
            when form = '05' and measure = 'project' then 'project_expenditure'
            when form = '03' and measure = 'basic' then 'basic_expenditure_all_funds'
            when form = '03' and measure = 'project' then 'project_expenditure_all_funds'
            when form = '06' and measure = 'personnel_total' then 'personnel_expenditure'
            when form = '06' and measure = 'public_use_total' then 'public_use_expenditure'
        end as fact_key,
        source_line,
        printed_amount
    from {{ this_run(ref('int_forms__printed_totals')) }}
),

three_public_components as (
    select
        cells.scope,
        cells.component
    from (
        values
        ('budget', 'total'), ('budget', 'overseas_travel'), ('budget', 'vehicle_total'),
        ('budget', 'vehicle_purchase'), ('budget', 'vehicle_operation'), ('budget', 'reception'),
        ('actual', 'total'), ('actual', 'overseas_travel'), ('actual', 'vehicle_total'),
        ('actual', 'vehicle_purchase'), ('actual', 'vehicle_operation'), ('actual', 'reception')
    ) as cells (scope, component)
),

three_public as (
    select
        document_id,
        source_line,
        component,
        scope,
        amount
    from {{ this_run(ref('stg_disclosures__form09_three_public')) }}
    union all
    -- a 三公 table printed without amounts is every component blank in both blocks: the
    -- narrative is held against that (a 0.95万元 budget in prose against a blank 09 is a finding)
    select
        forms.document_id,
        forms.title_line,
        three_public_components.component,
        three_public_components.scope,
        null
    from {{ this_run(ref('stg_disclosures__forms')) }} as forms
    cross join three_public_components
    where forms.form = '09' and not forms.has_amounts
),

facts as (
    select
        document_id,
        form,
        case
            when form = '01' and line_kind = 'grand_total' and side = 'income' then 'grand_total'
            when form = '01' and line_kind = 'current_year_total' and side = 'income' then 'income_total'
            when form = '01' and line_kind = 'current_year_total' then 'expenditure_total'
            when form = '04' and line_kind = 'grand_total' and side = 'income' then 'fiscal_grand_total'
            when form = '04' and line_kind = 'current_year_total' and side = 'income' then 'fiscal_income'
            when form = '04' and line_kind = 'income_source' and item_name like '一般公共预算%'
                then 'general_budget_income'
            when form = '04' and line_kind = 'income_source' and item_name like '政府性基金预算%'
                then 'government_fund_income'
            when form = '04' and line_kind = 'income_source' and item_name like '国有资本经营预算%'
                then 'state_capital_income'
        end as fact_key,
        'actual' as scope,
        source_line,
        amount_total as table_amount
    from summary_lines
    union all
    select
        document_id,
        form,
        fact_key,
        'actual',
        source_line,
        printed_amount
    from printed_totals
    where fact_key is not null
    union all
    select
        document_id,
        form,
        'code:' || function_code || '@' || form,
        'actual',
        source_line,
        amount_total
    from function_lines
    union all
    select
        document_id,
        '09',
        'three_public_' || component,
        scope,
        source_line,
        amount
    from three_public
),

final as (
    select
        facts.document_id,
        facts.fact_key,
        facts.scope,
        facts.form,
        min(facts.source_line) as source_line,
        -- a blank cell is no spending: the narrative's '0万元' agrees with it
        coalesce(max(facts.table_amount), 0) as table_amount,
        any_value(form_precision.unit) as unit,
        any_value(form_precision.yuan_per_unit) as yuan_per_unit,
        any_value(form_precision.half_unit) as half_unit
    from facts
    inner join {{ this_run(ref('int_forms__precision')) }} as form_precision
        on facts.document_id = form_precision.document_id and facts.form = form_precision.form
    where facts.fact_key is not null
    group by facts.document_id, facts.fact_key, facts.scope, facts.form
)

select * from final
