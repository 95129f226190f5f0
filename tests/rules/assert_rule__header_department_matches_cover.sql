{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('header_department_matches_cover') }}
