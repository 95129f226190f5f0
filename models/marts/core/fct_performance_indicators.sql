{#- Indicator rows of the self-evaluation tables, with the project they belong to. Targets and
    actuals stay text as printed ('≥12次', '逐步提升', '100%'). -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with indicators as (
    select * from {{ ref('stg_disclosures__performance_indicators') }}
    where {{ documents_to_build_filter() }}
),

tables as (
    select * from {{ ref('stg_disclosures__performance_tables') }}
    where {{ documents_to_build_filter() }}
),

final as (
    select
        indicators.document_id,
        indicators.table_no,
        indicators.indicator_no,
        indicators.source_page,
        indicators.source_line,
        tables.table_kind,
        tables.entity_name as project_name,
        indicators.level1,
        indicators.level2,
        indicators.level3,
        indicators.target_value,
        indicators.actual_value,
        indicators.score
    from indicators
    inner join tables
        on indicators.document_id = tables.document_id and indicators.table_no = tables.table_no
)

select * from final
