with source as (
    select * from {{ landing_table('raw_parse_issues') }}
),

final as (
    select
        document_id,
        issue_no,
        nullif(form, '') as form,
        source_page,
        source_line,
        raw_text,
        title as form_title,
        reason,
        hint
    from source
)

select * from final
