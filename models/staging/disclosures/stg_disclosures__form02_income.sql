with source as (
    select * from {{ landing_table('raw_form02_income') }}
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
        amount_fiscal_appropriation,
        amount_superior_subsidy,
        amount_business,
        amount_operating,
        amount_affiliated_remittance,
        amount_other,
        amount_prior_year_carryover,
        amount_non_fiscal_balance_used
    from source
)

select * from final
