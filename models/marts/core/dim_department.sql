{#- One row per department identity (int_departments__identified: normalised name, reviewed
    aliases, region) across the documents read. -#}
with identified as (
    select * from {{ ref('int_departments__identified') }}
),

documents as (
    select * from {{ ref('stg_disclosures__documents') }}
),

final as (
    select
        identified.department_id,
        identified.department_name,
        identified.region,
        {{ sorted_text_agg("identified.printed_name", "' / '", distinct=true) }} as printed_names,
        min(documents.fiscal_year) as first_fiscal_year,
        max(documents.fiscal_year) as last_fiscal_year,
        count(*) as document_count
    from identified
    inner join documents on identified.document_id = documents.document_id
    group by identified.department_id, identified.department_name, identified.region
)

select * from final
