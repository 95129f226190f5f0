{#- Each document read, as a disclosure of its department (int_departments__identified): its
    year, kind and side (budget / final_accounts), its version, and whether it is the one read
    for its department, year and side by the BI marts and the rules across documents.

    A disclosure is department + year + kind; two documents of one disclosure (a re-issued,
    corrected or re-saved file: different content, so a different document_id) are its
    versions. The latest is, in this order: the one listed in seed ref_current_versions; else,
    when every version prints a date on its cover, the latest date; else the one landed last;
    ties by document id. is_chosen: the latest version, a department budget before a unit budget. -#}
with documents as (
    select * from {{ ref('stg_disclosures__documents') }}
    where is_read
),

departments as (
    select * from {{ ref('int_departments__identified') }}
),

overrides as (
    select * from {{ ref('ref_current_versions') }}
),

disclosures as (
    select
        documents.document_id,
        departments.department_id,
        documents.fiscal_year,
        documents.document_kind,
        case when documents.document_kind = 'final_accounts' then 'final_accounts' else 'budget' end as side,
        md5(concat_ws('|', departments.department_id, documents.fiscal_year, documents.document_kind))
            as disclosure_id,
        documents.publication_date,
        documents.landed_at,
        overrides.document_id is not null as is_listed_current
    from documents
    inner join departments on documents.document_id = departments.document_id
    left join overrides on documents.document_id = overrides.document_id
),

bases as (
    select
        *,
        case
            when bool_or(is_listed_current) over disclosure then 'ref_current_versions'
            when bool_and(publication_date is not null) over disclosure then 'publication_date'
            else 'landed_at'
        end as version_basis
    from disclosures
    window disclosure as (partition by disclosure_id)
),

versioned as (
    select
        *,
        cast(row_number() over by_version as bigint) as version_no,     -- Spark's row_number() is an int
        count(*) over (partition by disclosure_id) as version_count,
        lag(document_id) over by_version as previous_version_document_id
    from bases
    window by_version as (
        partition by disclosure_id
        order by
            case when version_basis = 'ref_current_versions' then is_listed_current end nulls first,
            case when version_basis = 'publication_date' then publication_date end nulls first,
            landed_at nulls first,
            document_id
    )
),

final as (
    select
        *,
        version_no = version_count as is_latest_version,
        row_number() over (
            partition by department_id, fiscal_year, side
            order by version_no = version_count desc, document_kind = 'department_budget' desc, document_id
        ) = 1 as is_chosen
    from versioned
)

select * from final
