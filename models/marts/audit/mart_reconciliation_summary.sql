{#- BI-ready: one row per document and catalogue rule with its counts and one status. Kept by
    document: a document's rows depend on its own results and findings only (the register and
    the catalogue are seeds: changing one changes the project, and the next build is full). -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with results as (
    select * from {{ ref('fct_reconciliation_results') }}
    where {{ documents_to_build_filter() }}
),

findings as (
    select * from {{ ref('fct_findings') }}
    where {{ documents_to_build_filter() }}
),

documents as (
    select * from {{ ref('dim_document') }}
),

rules as (
    select * from {{ ref('rule_catalogue') }}
),

counts as (
    select
        results.document_id,
        results.rule_id,
        count(*) filter (where results.outcome in ('pass', 'fail')) as checks_run,
        count(*) filter (where results.outcome = 'pass') as checks_passed,
        count(*) filter (where results.outcome = 'fail') as checks_failed,
        count(*) filter (where findings.is_registered) as failures_registered,
        max(results.outcome) filter (where results.outcome in ('not_applicable', 'insufficient_data', 'parse_error'))
            as not_judged_outcome,
        max(results.detail) filter (where results.outcome in ('not_applicable', 'insufficient_data', 'parse_error'))
            as not_judged_reason
    from results
    left join findings on results.result_id = findings.result_id
    group by results.document_id, results.rule_id
),

final as (
    select
        counts.document_id,
        documents.department_name,
        documents.fiscal_year,
        counts.rule_id,
        rules.title as rule_title,
        rules.severity,
        counts.checks_run,
        counts.checks_passed,
        counts.checks_failed,
        counts.failures_registered,
        counts.checks_failed - counts.failures_registered as failures_unregistered,
        case
            when counts.not_judged_outcome is not null then counts.not_judged_outcome
            when counts.checks_failed > counts.failures_registered then 'fail'
            when counts.checks_failed > 0 then 'fail_registered'
            else 'pass'
        end as status,
        counts.not_judged_reason
    from counts
    inner join documents on counts.document_id = documents.document_id
    left join rules on counts.rule_id = rules.rule_id
)

select * from final
