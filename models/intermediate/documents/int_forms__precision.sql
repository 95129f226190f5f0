{#- Per form of each document: its unit (falling back to the document's), yuan per unit, and
    half a unit of the last printed digit, the base of every reconciliation tolerance. -#}
with forms as (
    select * from {{ ref('stg_disclosures__forms') }}
),

documents as (
    select * from {{ ref('stg_disclosures__documents') }}
),

money_units as (
    select * from {{ ref('ref_money_units') }}
),

final as (
    select
        forms.document_id,
        forms.form,
        forms.amount_decimals,
        coalesce(forms.unit, documents.document_unit) as unit,
        money_units.yuan_per_unit,
        {{ half_print_unit('forms.amount_decimals') }} as half_unit
    from forms
    inner join documents on forms.document_id = documents.document_id
    left join money_units on coalesce(forms.unit, documents.document_unit) = money_units.unit
)

select * from final
