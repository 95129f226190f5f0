{#- The gate: every failed reconciliation check must be in the register (accepted_findings)
    with a reason. Set var findings_gate_severity: warn for exploratory bulk loads. -#}
{{ config(severity=var('findings_gate_severity', 'error')) }}

select
    result_id,
    document_id,
    rule_id,
    check_key,
    expected_amount,
    actual_amount,
    difference,
    tolerance,
    source_line,
    detail
from {{ ref('fct_findings') }}
where not is_registered
