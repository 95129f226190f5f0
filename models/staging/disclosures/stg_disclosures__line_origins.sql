with source as (
    select * from {{ landing_table('raw_line_origins') }}
),

final as (
    select
        document_id,
        source_line,
        origin,
        split_part(origin, '!', 1) as sheet_name,
        split_part(origin, '!', 2) as cell_range
    from source
)

select * from final
