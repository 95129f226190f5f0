with documents as (
    select * from {{ ref('stg_disclosures__documents') }}
    where department_name is not null and is_read     -- departments of documents read, not of templates
),

final as (
    select
        md5(department_name)[1:16] as department_id,
        department_name,
        min(fiscal_year) as first_fiscal_year,
        max(fiscal_year) as last_fiscal_year,
        count(*) as document_count
    from documents
    group by department_name
)

select * from final
