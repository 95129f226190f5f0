{#- The same quantity printed in two forms, compared in the unit of the form it is printed in
    (the other form's figure converted: a document may print 03 in 元 and 01 in 万元):
    01 类 lines = 03 类 rows; 01 本年支出合计 = 03 合计; 01 本年收入合计 = 02 合计;
    04 类 lines and 本年支出合计 (general-budget column) = 05 类 rows and 合计;
    05 合计 basic = 06 人员经费 + 公用经费.
    Expected is the detailed form's figure, actual the other form's; a line missing from one
    form counts as a blank. Only documents that carry both forms are compared. -#}
with summary_lines as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_summary_lines__coded')) }}
),

printed_totals as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_forms__printed_totals')) }}
),

form03 as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form03_expenditure')) }}
),

form05 as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form05_general_budget_expenditure')) }}
),

form06 as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__form06_economic_items')) }}
),

forms as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__forms')) }}
),

form_precision as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_forms__precision')) }}
),

form01_classes as {{ not_materialized() }} (
    select * from summary_lines
    where form = '01' and side = 'expenditure' and line_kind = 'class_line'
),

form04_classes as {{ not_materialized() }} (
    select * from summary_lines
    where form = '04' and side = 'expenditure' and line_kind = 'class_line'
),

-- a budget's 02 counts 上年结转 / 使用非财政拨款结余 in its 合计: its 01 counterpart is 收入总计
form02_with_balances as {{ not_materialized() }} (
    select distinct document_id from printed_totals
    where
        form = '02'
        and measure in ('prior_year_carryover', 'non_fiscal_balance_used')
        and printed_amount is not null
),

-- this year's total (see int_summary_lines__coded); 收入总计 where 02 counts balances
form01_totals as {{ not_materialized() }} (
    select * from summary_lines
    where
        form = '01'
        and case
            when side = 'income' and document_id in (select balances.document_id from form02_with_balances as balances)
                then line_kind = 'grand_total'
            else is_current_year_total
        end
),

form04_totals as {{ not_materialized() }} (
    select * from summary_lines
    where form = '04' and side = 'expenditure' and is_current_year_total
),

form03_classes as {{ not_materialized() }} (
    select * from form03
    where code_length = 3
),

form05_classes as {{ not_materialized() }} (
    select * from form05
    where code_length = 3
),

class_pairs as {{ not_materialized() }} (
    select
        coalesce(printed_line.document_id, detailed_row.document_id) as document_id,
        'cross_form01_classes_vs_form03' as rule_id,
        '01' as form,
        '03' as other_form,
        coalesce(printed_line.function_class_code, detailed_row.function_code) as subject_code,
        detailed_row.amount_total as expected,
        printed_line.amount_total as actual,
        coalesce(printed_line.source_line, detailed_row.source_line) as source_line,
        '01 类 line against the 03 类 row' as detail
    from form01_classes as printed_line
    full outer join form03_classes as detailed_row
        on
            printed_line.document_id = detailed_row.document_id
            and printed_line.function_class_code = detailed_row.function_code
    -- a 03 of totals only (Jiangsu's 支出预算总表) prints no 类 row to hold the lines against
    where
        coalesce(printed_line.document_id, detailed_row.document_id) not in (
            select totals_only.document_id from form_precision as totals_only
            where totals_only.form = '03' and totals_only.prints_totals_only
        )
    union all
    select
        coalesce(printed_line.document_id, detailed_row.document_id),
        'cross_form04_classes_vs_form05',
        '04',
        '05',
        coalesce(printed_line.function_class_code, detailed_row.function_code),
        detailed_row.amount_total,
        printed_line.amount_general_budget,
        coalesce(printed_line.source_line, detailed_row.source_line),
        '04 类 line (general public budget column) against the 05 类 row'
    from form04_classes as printed_line
    full outer join form05_classes as detailed_row
        on
            printed_line.document_id = detailed_row.document_id
            and printed_line.function_class_code = detailed_row.function_code
    -- a 04 listing its spending by use (基本支出 / 项目支出, Jiangsu's budgets) prints no 类 line
    where coalesce(printed_line.document_id, detailed_row.document_id) in (
        select classes.document_id from form04_classes as classes
        where classes.function_class_code is not null
    )
),

total_pairs as {{ not_materialized() }} (
    select
        printed_line.document_id,
        'cross_form01_expenditure_total_vs_form03' as rule_id,
        '01' as form,
        '03' as other_form,
        'total' as subject_code,
        detailed_row.printed_amount as expected,
        printed_line.amount_total as actual,
        printed_line.source_line,
        '01 本年支出合计 against the 03 合计' as detail
    from form01_totals as printed_line
    inner join printed_totals as detailed_row
        on
            printed_line.document_id = detailed_row.document_id
            and detailed_row.form = '03'
            and detailed_row.measure = 'total'
    where printed_line.side = 'expenditure'
    union all
    select
        printed_line.document_id,
        'cross_form01_income_total_vs_form02',
        '01',
        '02',
        'total',
        detailed_row.printed_amount as expected,
        printed_line.amount_total as actual,
        printed_line.source_line,
        '01 本年收入合计 against the 02 合计'
    from form01_totals as printed_line
    inner join printed_totals as detailed_row
        on
            printed_line.document_id = detailed_row.document_id
            and detailed_row.form = '02'
            and detailed_row.measure = 'total'
    where printed_line.side = 'income'
    union all
    select
        printed_line.document_id,
        'cross_form04_general_total_vs_form05',
        '04',
        '05',
        'total',
        detailed_row.printed_amount as expected,
        printed_line.amount_general_budget as actual,
        printed_line.source_line,
        '04 本年支出合计 (general public budget column) against the 05 合计'
    from form04_totals as printed_line
    inner join printed_totals as detailed_row
        on
            printed_line.document_id = detailed_row.document_id
            and detailed_row.form = '05'
            and detailed_row.measure = 'total'
    where printed_line.form_prints_fund_columns
    union all
    select
        general_budget.document_id,
        'cross_form05_basic_vs_form06',
        '06',
        '05',
        'basic',
        general_budget.amount_basic,
        sum(coalesce(items.amount, 0)),
        min(items.source_line),
        '06 人员经费合计 + 公用经费合计 against the 05 合计 basic column'
    from form05 as general_budget
    inner join form06 as items
        on general_budget.document_id = items.document_id and items.row_kind = 'category_total'
    where general_budget.row_kind = 'total'
    group by general_budget.document_id, general_budget.amount_basic
),

pairs as {{ not_materialized() }} (
    select * from class_pairs
    where coalesce(expected, 0) <> 0 or coalesce(actual, 0) <> 0
    union all
    select * from total_pairs
),

both_forms_present as {{ not_materialized() }} (
    select pairs.*
    from pairs
    where
        exists (
            select 1 from forms
            where forms.document_id = pairs.document_id and forms.form = pairs.form
        )
        and exists (
            select 1 from forms
            where forms.document_id = pairs.document_id and forms.form = pairs.other_form
        )
),

-- the other form's figure in this form's unit: forms of one document may print 元 and 万元
identities as {{ not_materialized() }} (
    select
        pairs.document_id,
        pairs.rule_id,
        pairs.form,
        pairs.subject_code,
        pairs.source_line,
        {{ in_unit_of('pairs.expected', 'other_form', 'this_form') }} as printed_total,
        pairs.actual as terms_sum,
        1 as term_count,
        {{ coarser_half_unit('other_form', 'this_form') }} as coarser_half_unit,
        pairs.detail
    from both_forms_present as pairs
    inner join form_precision as this_form
        on pairs.document_id = this_form.document_id and pairs.form = this_form.form
    inner join form_precision as other_form
        on pairs.document_id = other_form.document_id and pairs.other_form = other_form.form
),

final as {{ not_materialized() }} (
    {{ identity_results('identities', coarser_half_unit=true) }}
)

select * from final
