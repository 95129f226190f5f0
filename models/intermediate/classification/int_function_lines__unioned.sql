{#- Every code row of the functional-code forms 02/03/05/07/08, with its form and name. -#}
with lines as (
    {%- for model in ['stg_disclosures__form02_income', 'stg_disclosures__form03_expenditure',
                      'stg_disclosures__form05_general_budget_expenditure',
                      'stg_disclosures__form07_government_fund',
                      'stg_disclosures__form08_state_capital_expenditure'] %}
        select
            document_id,
            form,
            source_line,
            function_code,
            function_name
        from {{ ref(model) }}
        where row_kind = 'code'
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select * from lines
)

select * from final
