{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('codes_form02_in_form03') }}
