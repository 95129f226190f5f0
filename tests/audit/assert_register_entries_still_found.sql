{#- A register entry whose finding no longer occurs (document re-ingested, parser fixed) is
    stale: warn so the reviewer removes it. -#}
{{ config(severity='warn') }}

select register.*
from {{ ref('accepted_findings') }} as register
where not exists (
    select 1
    from {{ ref('fct_findings') }} as findings
    where
        findings.document_id = register.document_id
        and findings.rule_id = register.rule_id
        and findings.check_key = register.check_key
)
