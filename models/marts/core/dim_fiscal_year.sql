with documents as (
    select * from {{ ref('stg_disclosures__documents') }}
    where fiscal_year is not null and is_read
),

final as (
    select
        fiscal_year,
        count(*) as document_count,
        count(distinct department_name) as department_count
    from documents
    group by fiscal_year
)

select * from final
