with source as (
    select * from {{ landing_table('raw_form07_government_fund') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text,
        row_kind,
        function_code,
        function_name,
        case when row_kind = 'total' then 0 else length(function_code) end as code_length,
        amount_opening_balance,
        amount_income,
        amount_expenditure_total,
        amount_expenditure_basic,
        amount_expenditure_project,
        amount_closing_balance
    from source
)

select * from final
