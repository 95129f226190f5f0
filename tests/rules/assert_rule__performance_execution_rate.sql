{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('performance_execution_rate') }}
