{#- Claims of the narrative: one row per claim, its figures exact as printed, with the prior
    year's figure a change implies (current - change). Checked by the narrative_* rules. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with claims as (
    select * from {{ ref('stg_disclosures__narrative_claims') }}
    where {{ documents_to_build_filter() }}
),

final as (
    select
        document_id,
        claim_no,
        source_page,
        source_line,
        sentence,
        topic,
        subject_key,
        subject_label,
        function_code,
        code_match,
        money_unit,
        amount,
        initial_budget,
        adjusted_budget,
        actual,
        change_amount,
        change_percent,
        change_basis,
        cast(
            coalesce(
                prior_amount, case when change_basis = 'prior_year' then coalesce(amount, actual) - change_amount end
            )
            as decimal(18, 4)
        ) as prior_amount,
        share_percent,
        share_base,
        completion_percent,
        quantity,
        quantity_unit,
        stated_reason
    from claims
)

select * from final
