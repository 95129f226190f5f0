{#- Failed checks, each with its review status: registered in accepted_findings with a reason,
    or not (which fails the build: the gate no_unregistered_findings). -#}
with results as (
    select * from {{ ref('fct_reconciliation_results') }}
    where outcome = 'fail'
),

register as (
    select * from {{ ref('accepted_findings') }}
),

final as (
    select
        results.result_id,
        results.document_id,
        results.rule_id,
        results.severity,
        results.form,
        results.check_key,
        results.subject_code,
        results.measure,
        results.expected_amount,
        results.actual_amount,
        results.difference,
        results.tolerance,
        results.unit,
        results.source_line,
        results.detail,
        register.reason is not null as is_registered,
        register.reason as registered_reason
    from results
    left join register
        on
            results.document_id = register.document_id
            and results.rule_id = register.rule_id
            and results.check_key = register.check_key
)

select * from final
