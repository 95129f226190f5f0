with source as (
    select * from {{ landing_table('raw_forms') }}
),

final as (
    select
        document_id,
        form,
        title as form_title,
        title_line,
        source_page,
        end_line,
        department_in_header,
        unit,
        amount_decimals,
        data_row_count,
        has_amounts,
        empty_note
    from source
)

select * from final
