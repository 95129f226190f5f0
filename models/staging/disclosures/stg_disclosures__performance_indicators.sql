with source as (
    select * from {{ landing_table('raw_performance_indicators') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text,
        table_no,
        indicator_no,
        level1,
        level2,
        level3,
        target_value,
        actual_value,
        score
    from source
)

select * from final
