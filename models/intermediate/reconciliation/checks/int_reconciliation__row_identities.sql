{#- Identities within one printed row or block, judged where the layout prints the terms (a table
    of one 金额 column prints the total alone):
    03/05/08 total = basic + project (+ 03's remittance, operating, subsidy columns, and the 单位预留
    机动经费 and 结转下年 budgets print);
    07 expenditure total = basic + project; 02 total = Σ income sources;
    06 人员经费合计 = Σ personnel 类 (301 + 303), 公用经费合计 = Σ public-use 类 (302 + 307 + 310 + 399). -#}
with column_sums as {{ not_materialized() }} (
    select
        document_id,
        'identity_form03_total_columns' as rule_id,
        form,
        source_line,
        coalesce(function_code, 'total') as subject_code,
        amount_total as printed_total,
        coalesce(amount_basic, 0) + coalesce(amount_project, 0) + coalesce(amount_remittance_to_superior, 0)
        + coalesce(amount_operating, 0) + coalesce(amount_subsidy_to_affiliates, 0)
        + coalesce(amount_unit_reserve, 0) + coalesce(amount_carried_forward, 0) as terms_sum,
        {{ printed_count(['amount_basic', 'amount_project', 'amount_remittance_to_superior',
                          'amount_operating', 'amount_subsidy_to_affiliates', 'amount_unit_reserve',
                          'amount_carried_forward']) }} as term_count,
        'total = basic + project + remittance + operating + subsidy to affiliates (+ 单位预留机动经费 + 结转下年)'
            as detail
    from {{ this_run(ref('stg_disclosures__form03_expenditure')) }}
    union all
    select
        document_id,
        'identity_form05_total_columns',
        form,
        source_line,
        coalesce(function_code, 'total'),
        amount_total,
        coalesce(amount_basic, 0) + coalesce(amount_project, 0),
        {{ printed_count(['amount_basic', 'amount_project']) }},
        'total = basic + project'
    from {{ this_run(ref('stg_disclosures__form05_general_budget_expenditure')) }}
    union all
    select
        document_id,
        'identity_form08_total_columns',
        form,
        source_line,
        coalesce(function_code, 'total'),
        amount_total,
        coalesce(amount_basic, 0) + coalesce(amount_project, 0),
        {{ printed_count(['amount_basic', 'amount_project']) }},
        'total = basic + project'
    from {{ this_run(ref('stg_disclosures__form08_state_capital_expenditure')) }}
    union all
    select
        document_id,
        'identity_form07_expenditure_columns',
        form,
        source_line,
        coalesce(function_code, 'total'),
        amount_expenditure_total,
        coalesce(amount_expenditure_basic, 0) + coalesce(amount_expenditure_project, 0),
        {{ printed_count(['amount_expenditure_basic', 'amount_expenditure_project']) }},
        'expenditure total = basic + project'
    from {{ this_run(ref('stg_disclosures__form07_government_fund')) }}
    union all
    select
        document_id,
        'identity_form02_total_sources',
        form,
        source_line,
        coalesce(function_code, 'total'),
        amount_total,
        coalesce(amount_fiscal_appropriation, 0) + coalesce(amount_superior_subsidy, 0)
        + coalesce(amount_business, 0) + coalesce(amount_operating, 0)
        + coalesce(amount_affiliated_remittance, 0) + coalesce(amount_other, 0)
        + coalesce(amount_prior_year_carryover, 0) + coalesce(amount_non_fiscal_balance_used, 0),
        {{ printed_count(['amount_fiscal_appropriation', 'amount_superior_subsidy', 'amount_business',
                          'amount_operating', 'amount_affiliated_remittance', 'amount_other',
                          'amount_prior_year_carryover', 'amount_non_fiscal_balance_used']) }},
        'total = fiscal appropriation + superior subsidy + business + operating + affiliated + other'
        || ' (+ 上年结转 + 使用非财政拨款结余, which budgets print)'
    from {{ this_run(ref('stg_disclosures__form02_income')) }}
),

economic_items as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form06_economic_items')) }}
),

category_classes as {{ not_materialized() }} (
    select
        document_id,
        expense_category,
        sum(coalesce(amount, 0)) as classes_sum,
        count(amount) as class_count,
        {{ sorted_text_agg("economic_code", "' + '") }} as class_codes
    from economic_items
    where row_kind = 'class'
    group by document_id, expense_category
),

category_sums as {{ not_materialized() }} (
    select
        totals.document_id,
        'identity_form06_' || totals.expense_category || '_total' as rule_id,
        totals.form,
        totals.source_line,
        totals.expense_category as subject_code,
        totals.amount as printed_total,
        coalesce(category_classes.classes_sum, 0) as terms_sum,
        coalesce(category_classes.class_count, 0) as term_count,
        totals.economic_name || ' = ' || coalesce(category_classes.class_codes, 'no 类 printed') as detail
    from economic_items as totals
    left join category_classes
        on
            totals.document_id = category_classes.document_id
            and totals.expense_category = category_classes.expense_category
    where totals.row_kind = 'category_total'
),

-- a form none of whose rows prints a term (a 金额 column alone) has no identity to judge
layouts_with_terms as {{ not_materialized() }} (
    select
        document_id,
        rule_id
    from column_sums
    group by document_id, rule_id
    having max(term_count) > 0
),

judged_column_sums as {{ not_materialized() }} (
    select column_sums.*
    from column_sums
    inner join layouts_with_terms
        on
            column_sums.document_id = layouts_with_terms.document_id
            and column_sums.rule_id = layouts_with_terms.rule_id
),

identities as {{ not_materialized() }} (
    select * from judged_column_sums
    union all
    select * from category_sums
),

final as {{ not_materialized() }} (
    {{ identity_results('identities') }}
)

select * from final
