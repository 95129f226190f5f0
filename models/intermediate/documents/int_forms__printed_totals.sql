{#- The totals each form prints, one row per (document, form, measure), in the printed unit and in
    yuan, with the form's print precision: the one place rules and BI marts take printed totals
    from. Measures: each measure column of the 合计 row of 02/03/05/07/08 (total, basic, …);
    06 personnel_total / public_use_total (人员经费合计 / 公用经费合计); 09 budget_total /
    actual_total; 01/04 <side>_grand_total (总计) and <side>_current_year_total (本年收入/支出合计),
    all funds; a budget's 总计 is its current-year total where it prints no 本年合计 and no balance
    (int_summary_lines__coded.is_current_year_total). A total printed twice counts once (the larger,
    at its first line). -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
with printed as (
    {%- for form, relation in [('02', 'stg_disclosures__form02_income'),
                                ('03', 'stg_disclosures__form03_expenditure'),
                                ('05', 'stg_disclosures__form05_general_budget_expenditure'),
                                ('07', 'stg_disclosures__form07_government_fund'),
                                ('08', 'stg_disclosures__form08_state_capital_expenditure')] %}
        {%- for column in function_form_measures(form) %}
            select
                document_id,
                form,
                '{{ column | replace("amount_", "", 1) }}' as measure,
                source_page,
                source_line,
                {{ column }} as printed_amount
            from {{ this_run(ref(relation)) }}
            where row_kind = 'total'
            union all
        {%- endfor %}
    {%- endfor %}
    select
        document_id,
        form,
        expense_category || '_total',
        source_page,
        source_line,
        amount
    from {{ this_run(ref('stg_disclosures__form06_economic_items')) }}
    where row_kind = 'category_total'
    union all
    select
        document_id,
        form,
        scope || '_total',
        source_page,
        source_line,
        amount
    from {{ this_run(ref('stg_disclosures__form09_three_public')) }}
    where component = 'total'
    union all
    select
        document_id,
        form,
        side || '_grand_total',
        source_page,
        source_line,
        amount_total
    from {{ this_run(ref('int_summary_lines__coded')) }}
    where line_kind = 'grand_total'
    union all
    select
        document_id,
        form,
        side || '_current_year_total',
        source_page,
        source_line,
        amount_total
    from {{ this_run(ref('int_summary_lines__coded')) }}
    where is_current_year_total
),

totals as (
    select
        document_id,
        form,
        measure,
        min(source_page) as source_page,
        min(source_line) as source_line,
        max(printed_amount) as printed_amount
    from printed
    group by document_id, form, measure
),

final as (
    select
        totals.document_id,
        totals.form,
        totals.measure,
        totals.source_page,
        totals.source_line,
        totals.printed_amount,
        form_precision.unit,
        form_precision.yuan_per_unit,
        form_precision.half_unit,
        cast(totals.printed_amount * form_precision.yuan_per_unit as decimal(20, 2)) as amount_yuan
    from totals
    inner join {{ this_run(ref('int_forms__precision')) }} as form_precision
        on totals.document_id = form_precision.document_id and totals.form = form_precision.form
)

select * from final
