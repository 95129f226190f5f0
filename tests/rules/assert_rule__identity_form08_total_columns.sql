{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('identity_form08_total_columns') }}
