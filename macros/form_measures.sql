{#- Measure columns of each coded form, as landed by ingest (ingest/model.py
    FUNCTION_FORM_MEASURES). One list, used by the hierarchy checks and their generic test. -#}
{% macro function_form_measures(form) %}
    {% set measures = {
        '02': ['total', 'fiscal_appropriation', 'superior_subsidy', 'business', 'operating',
               'affiliated_remittance', 'other'],
        '03': ['total', 'basic', 'project', 'remittance_to_superior', 'operating', 'subsidy_to_affiliates'],
        '05': ['total', 'basic', 'project'],
        '07': ['opening_balance', 'income', 'expenditure_total', 'expenditure_basic',
               'expenditure_project', 'closing_balance'],
        '08': ['total', 'basic', 'project'],
    } %}
    {% set columns = [] %}
    {% for measure in measures[form] %}{% do columns.append('amount_' ~ measure) %}{% endfor %}
    {{ return(columns) }}
{% endmacro %}
