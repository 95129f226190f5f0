{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('codes_form05_in_form03') }}
