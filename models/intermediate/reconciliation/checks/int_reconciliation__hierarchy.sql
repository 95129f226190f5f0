{#- parent = Σ children in every coded form: 合计 = Σ类, 类 = Σ款, 款 = Σ项 for each measure of
    02/03/05/07/08, and 类 = Σ款 in 06 (合计 = Σ类 too where 06 prints a table 合计, as budgets do). -#}
{%- set coded_forms = [
    ('02', 'stg_disclosures__form02_income'),
    ('03', 'stg_disclosures__form03_expenditure'),
    ('05', 'stg_disclosures__form05_general_budget_expenditure'),
    ('07', 'stg_disclosures__form07_government_fund'),
    ('08', 'stg_disclosures__form08_state_capital_expenditure'),
] %}

with
{% for form, model in coded_forms %}
    form{{ form }} as (
    {{ hierarchy_checks(ref(model), form, 'hierarchy_form' ~ form, 'function_code',
                        function_form_measures(form), 'total') }}
    ),
{% endfor %}

form06 as {{ not_materialized() }} (
    {{ hierarchy_checks(ref('stg_disclosures__form06_economic_items'), '06', 'hierarchy_form06',
                        'economic_code', ['amount'], total_row_kind='total') }}
),

final as {{ not_materialized() }} (
    {%- for form, model in coded_forms %}
        select * from form{{ form }}
        union all
    {%- endfor %}
    select * from form06
)

select * from final
