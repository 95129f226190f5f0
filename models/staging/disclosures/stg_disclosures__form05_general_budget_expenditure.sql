with source as (
    select * from {{ landing_table('raw_form05_general_budget_expenditure') }}
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
        amount_total,
        amount_basic,
        amount_project
    from source
)

select * from final
