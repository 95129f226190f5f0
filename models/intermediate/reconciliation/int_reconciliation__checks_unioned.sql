{#- Every check of every rule, in the common shape (see macros/reconciliation_checks.sql). A
    table kept by document: each check view is computed once per build, for the new documents. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with checks as (
    {%- for model in ['int_reconciliation__hierarchy', 'int_reconciliation__row_identities',
                      'int_reconciliation__summary_identities', 'int_reconciliation__cross_form',
                      'int_reconciliation__codes_and_names', 'int_reconciliation__fund_identities',
                      'int_reconciliation__three_public', 'int_reconciliation__code_amounts',
                      'int_reconciliation__narrative_vs_tables', 'int_reconciliation__narrative_arithmetic',
                      'int_reconciliation__performance', 'int_reconciliation__document_structure',
                      'int_reconciliation__narrative_wording'] %}
        select * from {{ ref(model) }}
        where {{ documents_to_build_filter() }}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select * from checks
)

select * from final
