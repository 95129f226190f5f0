with source as (
    select * from {{ landing_table('raw_extra_measures') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text,
        row_kind,
        row_key,
        column_no,
        column_header,
        amount
    from source
)

select * from final
