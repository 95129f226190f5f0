with source as (
    select * from {{ landing_table('raw_documents') }}
),

final as (
    select
        document_id,
        source_file,
        source_sha256,
        source_format,
        title as document_title,
        department_name,
        fiscal_year,
        unit as document_unit,
        is_template,
        parser_version,
        status,
        status in ('landed', 'partial') as is_read,
        template_family,
        document_kind,
        forms_expected,
        forms_in_contents,
        publication_date,
        cast(landed_at as timestamp) as landed_at
    from source
)

select * from final
