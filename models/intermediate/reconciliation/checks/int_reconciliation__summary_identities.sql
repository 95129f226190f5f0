{#- Forms 01 and 04, 合计 column (amount_total), each side walked top to bottom:
    本年收入合计 = Σ income lines; 本年支出合计 = Σ 类 lines; 总计 = 本年合计 + Σ balance lines
    (结转/结余 rows, their breakdown rows excluded); income 总计 = expenditure 总计. -#}
with lines as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_summary_lines__coded')) }}
),

side_parts as {{ not_materialized() }} (
    select
        document_id,
        form,
        side,
        max(amount_total) filter (where is_current_year_total) as current_year_total,
        max(amount_total) filter (where line_kind = 'grand_total') as grand_total,
        max(source_line) filter (where is_current_year_total) as current_year_total_line,
        max(source_line) filter (where line_kind = 'grand_total') as grand_total_line,
        sum(coalesce(amount_total, 0)) filter (where line_kind in ('income_source', 'class_line')) as lines_sum,
        count(amount_total) filter (where line_kind in ('income_source', 'class_line')) as line_count,
        coalesce(sum(amount_total) filter (where line_kind = 'balance_line'), 0) as balances_sum,
        count(amount_total) filter (where line_kind = 'balance_line') as balance_count
    from lines
    group by document_id, form, side
),

identities as {{ not_materialized() }} (
    select
        document_id,
        form,
        'identity_form' || form || '_' || side || '_lines' as rule_id,
        side as subject_code,
        current_year_total_line as source_line,
        current_year_total as printed_total,
        lines_sum as terms_sum,
        line_count as term_count,
        case side
            when 'income' then '本年收入合计 = sum of the income lines'
            else '本年支出合计 = sum of the 类 lines'
        end as detail
    from side_parts
    union all
    select
        document_id,
        form,
        'identity_form' || form || '_grand_totals',
        side,
        grand_total_line,
        grand_total,
        coalesce(current_year_total, lines_sum) + balances_sum,
        case when current_year_total is null then line_count else 1 end + balance_count,
        '总计 = 本年合计 (or, where none is printed, the lines) + 结转/结余 lines (' || side || ' side)'
    from side_parts
    union all
    select
        income.document_id,
        income.form,
        'identity_form' || income.form || '_sides_balance',
        'both_sides',
        expenditure.grand_total_line,
        income.grand_total as printed_total,
        expenditure.grand_total as terms_sum,
        1,
        'income 总计 = expenditure 总计'
    from side_parts as income
    inner join side_parts as expenditure
        on
            income.document_id = expenditure.document_id
            and income.form = expenditure.form
            and expenditure.side = 'expenditure'
    where income.side = 'income'
),

final as {{ not_materialized() }} (
    {{ identity_results('identities') }}
)

select * from final
