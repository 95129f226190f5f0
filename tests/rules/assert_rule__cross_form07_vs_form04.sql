{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('cross_form07_vs_form04') }}
