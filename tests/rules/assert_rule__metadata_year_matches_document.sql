{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('metadata_year_matches_document') }}
