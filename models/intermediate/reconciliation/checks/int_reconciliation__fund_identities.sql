{#- Form 04 by fund, and the forms that must agree with its fund columns:
    - identity_form04_fund_columns: every 04 expenditure line, 合计 = general budget + government
      fund + state capital columns;
    - identity_form04_fund_balance: per fund, income + opening balance = expenditure + closing
      balance (income side rows by fund name, expenditure side by fund column);
    - cross_form02_fiscal_vs_form04: 02 合计 财政拨款收入 = 04 本年收入合计;
    - cross_form07_vs_form04 / cross_form08_vs_form04: 07 / 08 合计 expenditure = 04's government
      fund / state capital column of 本年支出合计 (an empty 07 or 08 must meet a blank column).
    The fund rules judge a 04 that prints fund columns (a budget may print 金额 alone). A figure of
    another form is compared in 04's unit (02's in 02's), in_unit_of. -#}
with lines as (
    select * from {{ this_run(ref('int_summary_lines__coded')) }}
    where form = '04'
),

form_precision as (
    select * from {{ this_run(ref('int_forms__precision')) }}
),

funds as (
    select
        'general_budget' as fund,
        '一般公共预算' as fund_word
    union all
    select
        'government_fund',
        '政府性基金'
    union all
    select
        'state_capital',
        '国有资本经营'
),

fund_columns as (
    select
        document_id,
        '04' as form,
        'identity_form04_fund_columns' as rule_id,
        coalesce(row_no || '', item_name) as subject_code,
        source_line,
        amount_total as printed_total,
        coalesce(amount_general_budget, 0) + coalesce(amount_government_fund, 0)
        + coalesce(amount_state_capital, 0) as terms_sum,
        {{ printed_count(['amount_general_budget', 'amount_government_fund', 'amount_state_capital']) }}
            as term_count,
        cast(0 as decimal(38, 6)) as coarser_half_unit,
        item_name || ': 合计 = 一般公共预算 + 政府性基金 + 国有资本经营' as detail
    from lines
    where side = 'expenditure' and form_prints_fund_columns
),

expenditure_side as (
    -- one row per line and fund: the line's column of that fund
    select
        lines.document_id,
        case when lines.is_current_year_total then 'current_year_total' else lines.line_kind end as line_kind,
        funds.fund,
        case funds.fund
            when 'general_budget' then lines.amount_general_budget
            when 'government_fund' then lines.amount_government_fund
            when 'state_capital' then lines.amount_state_capital
        end as amount
    from lines
    cross join funds
    where lines.side = 'expenditure' and (lines.is_current_year_total or lines.line_kind = 'balance_line')
),

income_by_fund as (
    select
        lines.document_id,
        funds.fund,
        sum(lines.amount_total) filter (where lines.line_kind = 'income_source') as income,
        sum(lines.amount_total) filter (where lines.line_kind = 'balance_detail') as opening
    from lines
    inner join funds on contains(lines.item_name, funds.fund_word)
    where lines.side = 'income' and lines.line_kind in ('income_source', 'balance_detail')
    group by lines.document_id, funds.fund
),

expenditure_by_fund as (
    select
        document_id,
        fund,
        sum(amount) filter (where line_kind = 'current_year_total') as expenditure,
        sum(amount) filter (where line_kind = 'balance_line') as closing
    from expenditure_side
    group by document_id, fund
),

fund_flows as (
    select
        funds.fund,
        documents.document_id,
        income_by_fund.income,
        income_by_fund.opening,
        expenditure_by_fund.expenditure,
        expenditure_by_fund.closing
    from (
        select distinct document_id from lines
        where form_prints_fund_columns
    ) as documents
    cross join funds
    left join income_by_fund
        on documents.document_id = income_by_fund.document_id and funds.fund = income_by_fund.fund
    left join expenditure_by_fund
        on documents.document_id = expenditure_by_fund.document_id and funds.fund = expenditure_by_fund.fund
),

fund_balances as (
    select
        document_id,
        '04' as form,
        'identity_form04_fund_balance' as rule_id,
        fund as subject_code,
        cast(null as integer) as source_line,
        coalesce(income, 0) + coalesce(opening, 0) as printed_total,
        coalesce(expenditure, 0) + coalesce(closing, 0) as terms_sum,
        {{ printed_count(['income', 'opening', 'expenditure', 'closing']) }} as term_count,
        cast(0 as decimal(38, 6)) as coarser_half_unit,
        fund || ': income + opening balance = expenditure + closing balance' as detail
    from fund_flows
),

income_totals as (
    select * from lines
    where side = 'income' and is_current_year_total
),

expenditure_totals as (
    select * from lines
    where side = 'expenditure' and is_current_year_total
),

fiscal_income as (
    select
        income_totals.document_id,
        '02' as form,
        'cross_form02_fiscal_vs_form04' as rule_id,
        'fiscal_appropriation' as subject_code,
        form02.source_line,
        {{ in_unit_of('income_totals.amount_total', 'form04_unit', 'form02_unit') }} as printed_total,
        form02.amount_fiscal_appropriation as terms_sum,
        1 as term_count,
        {{ coarser_half_unit('form04_unit', 'form02_unit') }} as coarser_half_unit,
        '02 合计 财政拨款收入 against the 04 本年收入合计' as detail
    from income_totals
    inner join {{ this_run(ref('stg_disclosures__form02_income')) }} as form02
        on income_totals.document_id = form02.document_id and form02.row_kind = 'total'
    inner join form_precision as form04_unit
        on income_totals.document_id = form04_unit.document_id and form04_unit.form = '04'
    inner join form_precision as form02_unit
        on income_totals.document_id = form02_unit.document_id and form02_unit.form = '02'
),

fund_forms as (
    {%- for form, model, column in [
        ('07', 'stg_disclosures__form07_government_fund', 'amount_government_fund'),
        ('08', 'stg_disclosures__form08_state_capital_expenditure', 'amount_state_capital')] %}
        select
            expenditure_totals.document_id,
            '04' as form,
            'cross_form{{ form }}_vs_form04' as rule_id,
            'total' as subject_code,
            expenditure_totals.source_line,
            expenditure_totals.{{ column }} as printed_total,
            {{ in_unit_of('fund_form.' ~ ('amount_expenditure_total' if form == '07' else 'amount_total'),
                          'fund_form_unit', 'form04_unit') }} as terms_sum,
            1 as term_count,
            coalesce({{ coarser_half_unit('fund_form_unit', 'form04_unit') }}, 0) as coarser_half_unit,
            '{{ form }} 合计 expenditure against the 04 本年支出合计 {{ column | replace("amount_", "") }} column'
                as detail
        from expenditure_totals
        left join {{ ref(model) }} as fund_form
            on expenditure_totals.document_id = fund_form.document_id and fund_form.row_kind = 'total'
        inner join form_precision as form04_unit
            on expenditure_totals.document_id = form04_unit.document_id and form04_unit.form = '04'
        left join form_precision as fund_form_unit
            on expenditure_totals.document_id = fund_form_unit.document_id and fund_form_unit.form = '{{ form }}'
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

identities as (
    select * from fund_columns
    union all
    select * from fund_balances
    union all
    select * from fiscal_income
    union all
    select * from fund_forms
),

final as (
    {{ identity_results('identities', coarser_half_unit=true) }}
)

select * from final
