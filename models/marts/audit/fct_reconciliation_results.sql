{#- One row per (document, rule, check_key): every check that ran, passed or failed. -#}
with checks as (
    select * from {{ ref('int_reconciliation__hierarchy') }}
    union all
    select * from {{ ref('int_reconciliation__row_identities') }}
    union all
    select * from {{ ref('int_reconciliation__summary_identities') }}
    union all
    select * from {{ ref('int_reconciliation__cross_form') }}
    union all
    select * from {{ ref('int_reconciliation__codes_and_names') }}
),

rules as (
    select * from {{ ref('rule_catalogue') }}
),

final as (
    select
        checks.document_id || '|' || checks.rule_id || '|' || checks.check_key as result_id,
        checks.document_id,
        checks.rule_id,
        rules.severity,
        checks.form,
        checks.check_key,
        checks.subject_code,
        checks.measure,
        checks.outcome,
        checks.expected_amount,
        checks.actual_amount,
        checks.difference,
        checks.tolerance,
        checks.unit,
        checks.source_line,
        checks.detail
    from checks
    left join rules on checks.rule_id = rules.rule_id
)

select * from final
