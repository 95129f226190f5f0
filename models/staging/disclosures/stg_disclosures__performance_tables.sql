with source as (
    select * from {{ landing_table('raw_performance_tables') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text,
        table_no,
        table_kind,
        title,
        entity_name,
        competent_department,
        implementing_unit,
        category_ticked,
        attribute_ticked,
        type_ticked,
        budget_line,
        budget_amount,
        execution_amount,
        execution_rate,
        budget_score,
        {{ performance_table_unit() }} as money_unit,
        {{ yuan_per_unit(performance_table_unit()) }} as yuan_per_unit,
        {{ half_print_unit(2) }} as amount_half_unit
    from source
)

select * from final
