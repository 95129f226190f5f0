{#- Leaf grain (项, or the deepest code printed): one row per document, fund scope and code.
    Printed values in the printed unit, canonical amounts in yuan. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with leaves as (
    select * from {{ ref('int_expenditure_lines__leaves') }}
    where {{ documents_to_build_filter() }}
),

final as (
    select
        document_id,
        fund_scope,
        function_code,
        form,
        source_page,
        source_line,
        unit,
        amount_total as total_amount_printed,
        amount_basic as basic_amount_printed,
        amount_project as project_amount_printed,
        cast(amount_total * yuan_per_unit as decimal(20, 2)) as total_amount_yuan,
        cast(amount_basic * yuan_per_unit as decimal(20, 2)) as basic_amount_yuan,
        cast(amount_project * yuan_per_unit as decimal(20, 2)) as project_amount_yuan,
        cast(amount_remittance_to_superior * yuan_per_unit as decimal(20, 2)) as remittance_to_superior_amount_yuan,
        cast(amount_operating * yuan_per_unit as decimal(20, 2)) as operating_amount_yuan,
        cast(amount_subsidy_to_affiliates * yuan_per_unit as decimal(20, 2)) as subsidy_to_affiliates_amount_yuan
    from leaves
)

select * from final
