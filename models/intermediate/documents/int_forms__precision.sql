{#- Per form of each document: its unit (falling back to the document's), yuan per unit, and
    half a unit of the last printed digit, the base of every reconciliation tolerance; and
    prints_totals_only, a functional-code form that prints rows but no code (a budget's 支出预算总表
    of one 合计 row): rules that look for its codes do not judge it. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with forms as (
    select * from {{ this_run(ref('stg_disclosures__forms')) }}
),

documents as (
    select * from {{ this_run(ref('stg_disclosures__documents')) }}
),

money_units as (
    select * from {{ ref('ref_money_units') }}
),

coded_forms as (
    select distinct
        document_id,
        form
    from {{ this_run(ref('int_function_lines__unioned')) }}
),

final as (
    select
        forms.document_id,
        forms.form,
        forms.amount_decimals,
        coalesce(forms.unit, documents.document_unit) as unit,
        money_units.yuan_per_unit,
        {{ half_print_unit('forms.amount_decimals') }} as half_unit,
        forms.form in ('02', '03', '05', '07', '08') and forms.data_row_count > 0 and coded_forms.form is null
            as prints_totals_only
    from forms
    inner join documents on forms.document_id = documents.document_id
    left join money_units on coalesce(forms.unit, documents.document_unit) = money_units.unit
    left join coded_forms on forms.document_id = coded_forms.document_id and forms.form = coded_forms.form
)

select * from final
