{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('names_summary_class_known') }}
