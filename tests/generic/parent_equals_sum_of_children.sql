{#- Fails on every parent row whose printed amount differs from the sum of its printed children
    by more than print precision allows, unless the register (accepted_findings) lists it.
    Arguments: form ('03'), rule_id, code_column, measure_columns (default: every measure of
    the form, macro function_form_measures), total_row_kind ('total', or none for form 06).
    Judges the documents built in this run (macros/incremental_by_document.sql). -#}
{% test parent_equals_sum_of_children(
    model, form, rule_id, code_column='function_code', measure_columns=none, total_row_kind='total'
) %}
    {{ config(severity=var('findings_gate_severity', 'error')) }}
    {% set columns = measure_columns or function_form_measures(form) %}
    with checks as (
        {{ hierarchy_checks(rows_built_in_this_run(model), form, rule_id, code_column, columns, total_row_kind) }}
    )

    select checks.*
    from checks
    where
        checks.outcome = 'fail'
        and not {{ is_registered('checks') }}
{% endtest %}
