{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('cross_form08_vs_form04') }}
