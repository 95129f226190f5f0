{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('cross_form09_vs_form06') }}
