{#- One row per disclosure (its latest version), lined up with the same department's previous landed year of the same
    kind (a budget beside last year's budget, final accounts beside last year's), so a
    department's headline totals can be read across years. -#}
with summaries as (
    select * from {{ ref('mart_document_summary') }}
    where status in ('landed', 'partial') and is_latest_version
),

ordered as (
    select
        summaries.department_id,
        summaries.department_name,
        summaries.document_kind,
        summaries.fiscal_year,
        summaries.document_id,
        summaries.expenditure_total_yuan,
        summaries.income_total_yuan,
        summaries.basic_expenditure_yuan,
        summaries.project_expenditure_yuan,
        lag(summaries.fiscal_year) over by_year as prior_fiscal_year,
        lag(summaries.document_id) over by_year as prior_document_id,
        lag(summaries.expenditure_total_yuan) over by_year as prior_expenditure_total_yuan
    from summaries
    where summaries.department_id is not null
    window by_year as (
        partition by summaries.department_id, summaries.document_kind
        order by summaries.fiscal_year, summaries.document_id
    )
),

final as (
    select
        *,
        cast(expenditure_total_yuan - prior_expenditure_total_yuan as decimal(20, 2))
            as expenditure_change_yuan,
        cast(
            {{ divide('(expenditure_total_yuan - prior_expenditure_total_yuan)',
                      'nullif(prior_expenditure_total_yuan, 0)') }} as decimal(12, 4)
        ) as expenditure_change_ratio
    from ordered
)

select * from final
