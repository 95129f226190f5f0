{#- Budget execution per 项 as the narrative states it (section 五: 年初预算, 决算, 完成年初预算的
    P%), the completion rate recomputed, and the code's spending as the table prints it. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with claims as (
    select * from {{ ref('stg_disclosures__narrative_claims') }}
    where {{ documents_to_build_filter() }} and subject_key = 'function_item'
),

facts as (
    select * from {{ ref('int_narrative__table_facts') }}
    where {{ documents_to_build_filter() }} and scope = 'actual'
),

final as (
    select
        claims.document_id,
        claims.claim_no,
        claims.source_page,
        claims.source_line,
        claims.function_code,
        claims.code_match,
        claims.code_form,
        claims.class_name,
        claims.section_name,
        claims.item_name,
        claims.money_unit,
        claims.initial_budget,
        claims.adjusted_budget,
        coalesce(claims.actual, claims.amount) as actual,
        claims.completion_percent as stated_completion_percent,
        cast(
            case
                when claims.initial_budget > 0
                    then round({{ divide('100 * coalesce(claims.actual, claims.amount)', 'claims.initial_budget') }}, 2)
            end as decimal(18, 2)
        ) as computed_completion_percent,
        facts.table_amount as table_actual,
        claims.stated_reason
    from claims
    left join facts
        on
            claims.document_id = facts.document_id
            and facts.fact_key = 'code:' || claims.function_code || '@' || claims.code_form
)

select * from final
