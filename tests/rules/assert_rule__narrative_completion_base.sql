{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('narrative_completion_base') }}
