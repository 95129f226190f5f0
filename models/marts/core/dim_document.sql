with documents as (
    select * from {{ ref('stg_disclosures__documents') }}
),

forms as (
    select * from {{ ref('stg_disclosures__forms') }}
),

forms_found as (
    select
        document_id,
        string_agg(form, ',' order by form) as forms_found,
        count(*) as form_count
    from forms
    group by document_id
),

final as (
    select
        documents.document_id,
        documents.source_file,
        documents.source_sha256,
        documents.source_format,
        documents.document_title,
        md5(documents.department_name)[1:16] as department_id,
        documents.department_name,
        documents.fiscal_year,
        documents.document_unit,
        documents.is_template,
        coalesce(forms_found.forms_found, '') as forms_found,
        coalesce(forms_found.form_count, 0) as form_count,
        documents.parser_version
    from documents
    left join forms_found on documents.document_id = forms_found.document_id
)

select * from final
