{#- Forms that could not be read, with the document they belong to: what a reviewer acts on. -#}
with issues as (
    select * from {{ ref('stg_disclosures__parse_issues') }}
),

documents as (
    select * from {{ ref('stg_disclosures__documents') }}
),

final as (
    select
        issues.document_id,
        issues.issue_no,
        documents.source_file,
        documents.status as document_status,
        issues.form,
        issues.form_title,
        issues.source_page,
        issues.source_line,
        issues.raw_text,
        issues.reason,
        issues.hint
    from issues
    inner join documents on issues.document_id = documents.document_id
)

select * from final
