{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('narrative_operating_cost_vs_form06') }}
