with source as (
    select * from {{ landing_table('raw_form09_three_public') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text,
        scope,
        component,
        amount
    from source
)

select * from final
