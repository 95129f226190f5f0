{#- Documents in quarantine (`fiscal quarantine add`): landed, read by no model, listed here with
    why and by whom, and with what their landing record says they are. -#}
with quarantine as (
    select * from {{ ref('quarantined_documents') }}
),

landed as (
    select * from {{ landing_table('raw_documents', include_quarantined=true) }}
),

final as (
    select
        quarantine.document_id,
        landed.source_file,
        landed.department_name,
        landed.fiscal_year,
        landed.document_kind,
        landed.document_id is not null as is_landed,
        quarantine.reason,
        quarantine.quarantined_by,
        quarantine.quarantined_on
    from quarantine
    left join landed on quarantine.document_id = landed.document_id
)

select * from final
