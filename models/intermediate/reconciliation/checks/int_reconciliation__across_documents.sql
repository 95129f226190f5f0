{#- Across the documents of one department (int_departments__disclosures):
    - crossdoc_initial_budget_vs_published: the 年初预算 a final-accounts narrative states for a 项
      is what the department's published budget of the same year prints for the code in its 05
      (a department budget before a unit budget; a code the budget does not print counts as 0);
    - crossdoc_opening_vs_prior_closing: a final-accounts 01 年初结转和结余 is the 年末结转和结余
      of the department's final accounts of the year before.
    Compared in yuan, within half a unit of the last printed digit of each side. A result belongs
    to the final accounts whose figure is held against the other document, which its detail
    names. Documents without a counterpart are not judged. -#}
with disclosures as (
    select * from {{ this_run(ref('int_departments__disclosures')) }}
),

form_precision as (
    select * from {{ this_run(ref('int_forms__precision')) }}
),

claim_figures as (
    select * from {{ this_run(ref('int_narrative__claim_figures')) }}
    where subject_key = 'function_item' and measure = 'initial_budget' and function_code is not null
),

summary_lines as (
    select * from {{ this_run(ref('int_summary_lines__coded')) }}
    where form = '01' and line_kind = 'balance_line'
),

form05 as (
    select * from {{ this_run(ref('stg_disclosures__form05_general_budget_expenditure')) }}
    where row_kind = 'code'
),

published_budgets as (
    select * from disclosures
    where side = 'budget' and is_chosen
),

final_accounts as (
    select * from disclosures
    where side = 'final_accounts'
),

-- the final accounts a later year is held against: the one read for its department-year
prior_final_accounts as (
    select * from final_accounts
    where is_chosen
),

-- each published budget's 05 with its unit and print precision, printed lines or not
budget_precision as (
    select
        published_budgets.department_id,
        published_budgets.fiscal_year,
        published_budgets.document_id,
        form_precision.yuan_per_unit,
        form_precision.half_unit * form_precision.yuan_per_unit as half_unit_yuan
    from published_budgets
    inner join form_precision
        on published_budgets.document_id = form_precision.document_id and form_precision.form = '05'
),

budget_lines as (
    select
        form05.document_id,
        form05.function_code,
        form05.source_line,
        form05.amount_total * budget_precision.yuan_per_unit as amount_yuan
    from budget_precision
    inner join form05 on budget_precision.document_id = form05.document_id
),

initial_budgets as (
    select
        final_accounts.document_id,
        'crossdoc_initial_budget_vs_published' as rule_id,
        'narrative' as form,
        'narrative|' || claim_figures.function_code || '|initial_budget@' || claim_figures.claim_no as check_key,
        claim_figures.function_code as subject_code,
        'initial_budget' as measure,
        {{ amount_check_columns(
            'coalesce(budget_lines.amount_yuan, 0)',
            'claim_figures.figure * claim_figures.yuan_per_unit',
            'claim_figures.half_unit * claim_figures.yuan_per_unit + budget_precision.half_unit_yuan'
        ) }},
        '元' as unit,
        claim_figures.source_line,
        '年初预算 stated for ' || claim_figures.function_code || ' against the published budget '
        || budget_precision.document_id || ' (05'
        || coalesce(' line ' || budget_lines.source_line, ': not printed') || ')' as detail
    from final_accounts
    inner join claim_figures on final_accounts.document_id = claim_figures.document_id
    inner join budget_precision
        on
            final_accounts.department_id = budget_precision.department_id
            and final_accounts.fiscal_year = budget_precision.fiscal_year
    left join budget_lines
        on
            budget_precision.document_id = budget_lines.document_id
            and claim_figures.function_code = budget_lines.function_code
),

balances as (
    select
        final_accounts.department_id,
        final_accounts.fiscal_year,
        final_accounts.document_id,
        summary_lines.side,
        min(summary_lines.source_line) as source_line,
        coalesce(sum(summary_lines.amount_total * form_precision.yuan_per_unit), 0) as amount_yuan,   -- blank: none
        any_value(form_precision.half_unit * form_precision.yuan_per_unit) as half_unit_yuan
    from final_accounts
    inner join summary_lines on final_accounts.document_id = summary_lines.document_id
    inner join form_precision
        on summary_lines.document_id = form_precision.document_id and form_precision.form = '01'
    where
        (summary_lines.side = 'income' and {{ matches('summary_lines.item_name', '年初|上年') }})
        or (summary_lines.side = 'expenditure' and {{ matches('summary_lines.item_name', '年末|下年') }})
    group by all
),

opening_balances as (
    select
        opening.document_id,
        'crossdoc_opening_vs_prior_closing' as rule_id,
        '01' as form,
        '01|income|crossdoc_opening_vs_prior_closing' as check_key,
        'opening_balance' as subject_code,
        'total' as measure,
        {{ amount_check_columns(
            'closing.amount_yuan', 'opening.amount_yuan', 'opening.half_unit_yuan + closing.half_unit_yuan'
        ) }},
        '元' as unit,
        opening.source_line,
        '01 年初结转和结余 against the 年末结转和结余 of ' || (opening.fiscal_year - 1) || ' ('
        || closing.document_id || ', 01 line ' || closing.source_line || ')' as detail
    from balances as opening
    inner join balances as closing
        on
            opening.department_id = closing.department_id
            and opening.fiscal_year = closing.fiscal_year + 1
            and closing.side = 'expenditure'
    inner join prior_final_accounts on closing.document_id = prior_final_accounts.document_id
    where opening.side = 'income'
),

final as (
    select * from initial_budgets
    union all
    select * from opening_balances
)

select * from final
