{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('structure_forms_present') }}
