with source as (
    select * from {{ landing_table('raw_document_mentions') }}
),

final as (
    select
        document_id,
        source_page,
        source_line,
        raw_text,
        mention_kind,
        context,
        printed_value
    from source
)

select * from final
