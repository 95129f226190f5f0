{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('cross_form04_general_total_vs_form05') }}
