{#- Per form of each document: its unit (falling back to the document's), yuan per unit, and
    half a unit of the last printed digit, the base of every reconciliation tolerance. -#}
with forms as (
    select * from {{ ref('stg_disclosures__forms') }}
),

documents as (
    select * from {{ ref('stg_disclosures__documents') }}
),

final as (
    select
        forms.document_id,
        forms.form,
        forms.amount_decimals,
        coalesce(forms.unit, documents.document_unit) as unit,
        cast(case coalesce(forms.unit, documents.document_unit)
            when '元' then 1
            when '万元' then 10000
            when '亿元' then 100000000
        end as decimal(18, 0)) as yuan_per_unit,
        {{ half_print_unit('forms.amount_decimals') }} as half_unit
    from forms
    inner join documents on forms.document_id = documents.document_id
)

select * from final
