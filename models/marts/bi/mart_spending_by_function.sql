{#- BI-ready, the latest version of each disclosure only:
    leaf spending with the names of every level and its share of the document's
    total for the same fund scope. -#}
with facts as (
    select * from {{ ref('fct_expenditure_by_function') }}
),

documents as (
    select * from {{ ref('dim_document') }}
    where is_latest_version     -- a re-issued disclosure counts once
),

codes as (
    select * from {{ ref('dim_function_classification') }}
),

final as (
    select
        facts.document_id,
        documents.department_name,
        documents.fiscal_year,
        documents.document_kind,
        facts.fund_scope,
        codes.class_code,
        codes.class_name,
        codes.section_code,
        codes.section_name,
        facts.function_code,
        codes.function_name,
        codes.code_level,
        facts.total_amount_yuan,
        facts.basic_amount_yuan,
        facts.project_amount_yuan,
        cast(
            {{ divide('facts.total_amount_yuan',
                      'nullif(sum(facts.total_amount_yuan) over (partition by facts.document_id, facts.fund_scope), 0)') }}
            as decimal(9, 6)
        ) as share_of_total
    from facts
    inner join documents on facts.document_id = documents.document_id
    left join codes on facts.function_code = codes.function_code
)

select * from final
