with source as (
    select * from {{ landing_table('raw_form03_expenditure') }}
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
        amount_project,
        amount_remittance_to_superior,
        amount_operating,
        amount_subsidy_to_affiliates,
        amount_unit_reserve,
        amount_carried_forward
    from source
)

select * from final
