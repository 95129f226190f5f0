{#- Every amount a document's forms print, keyed by what it is rather than where it is printed
    (form, the code or line label, the column): the cells two versions of one disclosure are
    compared on (mart_version_changes). Amounts in yuan; blank cells are not cells. Only the
    documents that have another version are listed. -#}
{%- set function_forms = {
    '02': 'stg_disclosures__form02_income',
    '03': 'stg_disclosures__form03_expenditure',
    '05': 'stg_disclosures__form05_general_budget_expenditure',
    '07': 'stg_disclosures__form07_government_fund',
    '08': 'stg_disclosures__form08_state_capital_expenditure',
} -%}
{%- set summary_forms = {
    '01': 'stg_disclosures__form01_summary_lines',
    '04': 'stg_disclosures__form04_fiscal_summary_lines',
} -%}
{%- set summary_measures = [
    'amount_total', 'amount_general_budget', 'amount_government_fund', 'amount_state_capital'
] -%}
with versioned as (
    select document_id from {{ ref('int_departments__disclosures') }}
    where version_count > 1
),

printed as (
    {%- for form, model in function_forms.items() %}
        {%- for measure in function_form_measures(form) %}
            select
                document_id,
                form,
                coalesce(function_code, row_kind) || '|' || '{{ measure[7:] }}' as cell_key,
                {{ measure }} as amount_printed
            from {{ ref(model) }}
            union all
        {%- endfor %}
    {%- endfor %}
    {%- for form, model in summary_forms.items() %}
        {%- for measure in summary_measures %}
            select
                document_id,
                form,
                side || '|' || item_name || '|'
                || row_number() over (partition by document_id, side, item_name order by source_line)
                || '|' || '{{ measure[7:] }}' as cell_key,
                {{ measure }} as amount_printed
            from {{ ref(model) }}
            union all
        {%- endfor %}
    {%- endfor %}
    select
        document_id,
        form,
        coalesce(economic_code, row_kind) || '|' || expense_category as cell_key,
        amount as amount_printed
    from {{ ref('stg_disclosures__form06_economic_items') }}
    union all
    select
        document_id,
        form,
        scope || '|' || component as cell_key,
        amount as amount_printed
    from {{ ref('stg_disclosures__form09_three_public') }}
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

final as (
    select
        printed.document_id,
        printed.form,
        printed.cell_key,
        cast(printed.amount_printed * form_precision.yuan_per_unit as decimal(20, 2)) as amount_yuan
    from printed
    inner join versioned on printed.document_id = versioned.document_id
    inner join form_precision
        on
            printed.document_id = form_precision.document_id
            and printed.form = form_precision.form
    where printed.amount_printed is not null
)

select * from final
