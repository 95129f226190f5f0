{#- BI-ready, the latest version of each disclosure only:
    basic expenditure (form 06) by economic item with class names, category and the
    item's share of the document's basic expenditure. -#}
with facts as (
    select * from {{ ref('fct_basic_expenditure_by_economic_item') }}
),

documents as (
    select * from {{ ref('dim_document') }}
    where is_latest_version     -- a re-issued disclosure counts once
),

items as (
    select * from {{ ref('dim_economic_classification') }}
),

final as (
    select
        facts.document_id,
        documents.department_name,
        documents.fiscal_year,
        documents.document_kind,
        facts.expense_category,
        items.class_code,
        items.class_name,
        facts.economic_code,
        items.economic_name,
        facts.amount_yuan,
        cast(
            {{ divide('facts.amount_yuan',
                      'nullif(sum(facts.amount_yuan) over (partition by facts.document_id), 0)') }}
            as decimal(9, 6)
        ) as share_of_basic_expenditure
    from facts
    inner join documents on facts.document_id = documents.document_id
    left join items on facts.economic_code = items.economic_code
)

select * from final
