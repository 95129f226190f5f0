{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('identity_form09_vehicles') }}
