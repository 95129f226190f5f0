with source as (
    select * from {{ landing_table('raw_form06_basic_expenditure_items') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text,
        block_no,
        expense_category,
        row_kind,
        economic_code,
        economic_name,
        coalesce(length(economic_code), 0) as code_length,
        amount
    from source
)

select * from final
