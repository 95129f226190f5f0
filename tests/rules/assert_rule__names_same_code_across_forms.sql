{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('names_same_code_across_forms') }}
