{#- Each document read, as a disclosure of its department (int_departments__identified): its
    year, kind and side (budget / final_accounts), and whether it is the one read for its
    department, year and side by mart_budget_vs_actual and the rules across documents: a
    department budget before a unit budget, then the lowest document id (until versions of one
    disclosure are known). -#}
with documents as (
    select * from {{ ref('stg_disclosures__documents') }}
    where is_read
),

departments as (
    select * from {{ ref('int_departments__identified') }}
),

sided as (
    select
        documents.document_id,
        departments.department_id,
        documents.fiscal_year,
        documents.document_kind,
        case when documents.document_kind = 'final_accounts' then 'final_accounts' else 'budget' end as side
    from documents
    inner join departments on documents.document_id = departments.document_id
),

final as (
    select
        *,
        row_number() over (
            partition by department_id, fiscal_year, side
            order by document_kind = 'department_budget' desc, document_id
        ) = 1 as is_chosen
    from sided
)

select * from final
