{#- One row per (document, rule, check_key): every check that ran (pass / fail), or one row per
    rule that could not judge the document (not_applicable / insufficient_data). -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
{%- set result_columns = [
    'document_id', 'rule_id', 'form', 'check_key', 'subject_code', 'measure', 'outcome', 'expected_amount',
    'actual_amount', 'difference', 'tolerance', 'unit', 'source_line', 'detail'
] %}
with not_judged as (
    select * from {{ ref('int_reconciliation__rules_not_judged') }}
    where {{ documents_to_build_filter() }}
),

checks as (
    select * from {{ ref('int_reconciliation__checks_unioned') }}
    where {{ documents_to_build_filter() }}
),

results as (
    {#- a rule that could not judge a document has one row (not_applicable, insufficient_data,
        parse_error) instead of its checks -#}
    select {{ result_columns | join(', ') }} from checks
    where
        not exists (
            select 1 from not_judged
            where not_judged.document_id = checks.document_id and not_judged.rule_id = checks.rule_id
        )
    union all
    select {{ result_columns | join(', ') }} from not_judged
),

rules as (
    select * from {{ ref('rule_catalogue') }}
),

final as (
    select
        results.document_id || '|' || results.rule_id || '|' || results.check_key as result_id,
        results.document_id,
        results.rule_id,
        rules.severity,
        results.form,
        results.check_key,
        results.subject_code,
        results.measure,
        results.outcome,
        results.expected_amount,
        results.actual_amount,
        results.difference,
        results.tolerance,
        results.unit,
        results.source_line,
        results.detail
    from results
    left join rules on results.rule_id = rules.rule_id
)

select * from final
