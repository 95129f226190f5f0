{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('cross_form05_codes_within_form03') }}
