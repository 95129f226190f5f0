with documents as (
    select * from {{ ref('stg_disclosures__documents') }}
),

forms as (
    select * from {{ ref('stg_disclosures__forms') }}
),

parse_issues as (
    select * from {{ ref('stg_disclosures__parse_issues') }}
),

forms_failed as (
    select
        document_id,
        {{ sorted_text_agg("form", "','", distinct=true, where="form is not null") }} as forms_failed,
        count(*) as parse_issue_count
    from parse_issues
    group by document_id
),

departments as (
    select * from {{ ref('int_departments__identified') }}
),

versions as (
    select * from {{ ref('int_departments__disclosures') }}
),

forms_found as (
    select
        document_id,
        {{ sorted_text_agg("form", "','") }} as forms_found,
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
        departments.department_id,
        documents.department_name,
        documents.fiscal_year,
        documents.document_unit,
        documents.is_template,
        documents.status,
        documents.template_family,
        documents.document_kind,
        coalesce(forms_found.forms_found, '') as forms_found,
        coalesce(forms_found.form_count, 0) as form_count,
        coalesce(forms_failed.forms_failed, '') as forms_failed,
        coalesce(forms_failed.parse_issue_count, 0) as parse_issue_count,
        documents.parser_version,
        documents.publication_date,
        documents.landed_at,
        versions.disclosure_id,
        versions.version_no,
        versions.version_count,
        versions.version_basis,
        versions.is_latest_version
    from documents
    left join departments on documents.document_id = departments.document_id
    left join forms_found on documents.document_id = forms_found.document_id
    left join forms_failed on documents.document_id = forms_failed.document_id
    left join versions on documents.document_id = versions.document_id
)

select * from final
