with source as (
    select * from {{ landing_table('raw_form04_fiscal_summary') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text,
        side,
        row_no,
        row_label,
        item_name,
        line_kind,
        amount_total,
        amount_general_budget,
        amount_government_fund,
        amount_state_capital
    from source
)

select * from final
