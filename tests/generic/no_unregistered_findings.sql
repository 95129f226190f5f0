{#- The gate of one rule: its failed checks that the register (seed accepted_findings) does not
    accept, with the figures a reviewer needs. Declared once per catalogue rule on fct_findings
    (generated from the catalogue); var findings_gate_severity: warn for exploratory bulk loads. -#}
{% test no_unregistered_findings(model, rule_id) %}
    {{ config(severity=var('findings_gate_severity', 'error')) }}
    select
        result_id,
        document_id,
        rule_id,
        form,
        check_key,
        subject_code,
        measure,
        expected_amount,
        actual_amount,
        difference,
        tolerance,
        source_line,
        detail
    from {{ model }}
    where
        not is_registered
        and rule_id = '{{ rule_id }}'
{% endtest %}
