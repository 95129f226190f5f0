{#- Lines of forms 01 and 04; a 类 line gets its functional class code by its standard name (or a
    former one: ref_function_class_former_names).
    is_current_year_total marks the side's 本年收入/支出合计, or, on a side that prints neither it
    nor a balance line (budgets: 收入总计 right under the lines), its 总计: the one owner of
    "this year's total" for every rule and mart. form_prints_fund_columns: the form prints a
    一般公共预算 / 政府性基金 / 国有资本经营 column (04 does, unless a budget prints 金额 alone). -#}
with lines as (
    select * from {{ ref('stg_disclosures__form01_summary_lines') }}
    union all
    select * from {{ ref('stg_disclosures__form04_fiscal_summary_lines') }}
),

-- a 类 by its standard name, or by the name it had before the 2019 classification
standard_classes as (
    select
        class_code,
        class_name
    from {{ ref('ref_function_classes') }}
    union all
    select
        class_code,
        class_name
    from {{ ref('ref_function_class_former_names') }}
),

sides as (
    select
        *,
        line_kind = 'current_year_total'
        or (
            line_kind = 'grand_total'
            and not bool_or(line_kind = 'current_year_total') over side_lines
            and not bool_or(line_kind = 'balance_line') over side_lines
        ) as is_current_year_total,
        count(amount_general_budget) over form_lines + count(amount_government_fund) over form_lines
        + count(amount_state_capital) over form_lines > 0 as form_prints_fund_columns
    from lines
    window
        side_lines as (partition by document_id, form, side),
        form_lines as (partition by document_id, form)
),

final as (
    select
        sides.*,
        standard_classes.class_code as function_class_code
    from sides
    left join standard_classes
        on
            sides.line_kind = 'class_line'
            and sides.item_name = standard_classes.class_name
)

select * from final
