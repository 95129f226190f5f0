{#- Every printed line of forms 01 and 04. line_kind tells lines from subtotals: sum only
    income_source or class_line rows; the totals are there to be reconciled. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with lines as (
    select * from {{ ref('int_summary_lines__coded') }}
    where {{ documents_to_build_filter() }}
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

final as (
    select
        lines.document_id,
        lines.form,
        lines.side,
        lines.source_line,
        lines.source_page,
        lines.row_no,
        lines.row_label,
        lines.item_name,
        lines.line_kind,
        lines.function_class_code,
        form_precision.unit,
        lines.amount_total as total_amount_printed,
        cast(lines.amount_total * form_precision.yuan_per_unit as decimal(20, 2)) as total_amount_yuan,
        cast(lines.amount_general_budget * form_precision.yuan_per_unit as decimal(20, 2))
            as general_budget_amount_yuan,
        cast(lines.amount_government_fund * form_precision.yuan_per_unit as decimal(20, 2))
            as government_fund_amount_yuan,
        cast(lines.amount_state_capital * form_precision.yuan_per_unit as decimal(20, 2))
            as state_capital_amount_yuan
    from lines
    inner join form_precision
        on lines.document_id = form_precision.document_id and lines.form = form_precision.form
)

select * from final
