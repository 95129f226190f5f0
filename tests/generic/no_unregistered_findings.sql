{#- The register gate: the failed checks that the register (seed accepted_findings) does not
    accept, with the figures a reviewer needs; one test on fct_findings for every rule (one per
    rule was 61 nodes on the build's critical path). var findings_gate_severity: warn for
    exploratory bulk loads. -#}
{% test no_unregistered_findings(model) %}
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
    where not is_registered
{% endtest %}
