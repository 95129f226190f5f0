{#- One row per self-evaluation table (the department-wide one and each project's): budget,
    execution, printed and recomputed execution rate, and what the narrative says of the same
    project (paired by name; NULL when the narrative names it differently or not at all). -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with tables as (
    select * from {{ ref('stg_disclosures__performance_tables') }}
    where {{ documents_to_build_filter() }}
),

narrative_projects as (
    select
        document_id,
        {{ project_name_key('subject_label') }} as name_key,
        min(source_line) as narrative_line,
        max(initial_budget) as narrative_budget,
        max(coalesce(actual, amount)) as narrative_execution
    from {{ ref('stg_disclosures__narrative_claims') }}
    where {{ documents_to_build_filter() }} and subject_key = 'project'
    group by document_id, name_key
),

indicator_counts as (
    select
        document_id,
        table_no,
        count(*) as indicator_count
    from {{ ref('stg_disclosures__performance_indicators') }}
    where {{ documents_to_build_filter() }}
    group by document_id, table_no
),

final as (
    select
        tables.document_id,
        tables.table_no,
        tables.source_page,
        tables.source_line,
        tables.table_kind,
        tables.entity_name as project_name,
        tables.competent_department,
        tables.implementing_unit,
        tables.category_ticked,
        tables.attribute_ticked,
        tables.type_ticked,
        tables.budget_line,
        tables.budget_amount,
        tables.execution_amount,
        tables.execution_rate as printed_execution_rate,
        cast(
            case
                when tables.budget_amount > 0
                    then round({{ divide('100 * tables.execution_amount', 'tables.budget_amount') }}, 2)
            end
            as decimal(18, 2)
        ) as computed_execution_rate,
        tables.budget_score,
        narrative_projects.narrative_budget,
        narrative_projects.narrative_execution,
        narrative_projects.narrative_line,
        coalesce(indicator_counts.indicator_count, 0) as indicator_count
    from tables
    left join narrative_projects
        on
            tables.document_id = narrative_projects.document_id
            and tables.table_kind = 'project'
            and {{ project_name_key('tables.entity_name') }} = narrative_projects.name_key
    left join indicator_counts
        on tables.document_id = indicator_counts.document_id and tables.table_no = indicator_counts.table_no
)

select * from final
