{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('metadata_department_matches_cover') }}
