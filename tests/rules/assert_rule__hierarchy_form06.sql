{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('hierarchy_form06') }}
