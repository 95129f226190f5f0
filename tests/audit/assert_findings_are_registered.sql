{#- The gate: every failed reconciliation check must be in the register (accepted_findings)
    with a reason. Set var findings_gate_severity: warn for exploratory bulk loads. The tests in
    tests/rules/ say the same per rule. -#}
{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of() }}
