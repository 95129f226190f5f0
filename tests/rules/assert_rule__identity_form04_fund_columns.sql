{{ config(severity=var('findings_gate_severity', 'error')) }}
{{ unregistered_failures_of('identity_form04_fund_columns') }}
