{#- Lines of forms 01 and 04; a 类 line gets its functional class code by its standard name. -#}
with lines as (
    select * from {{ ref('stg_disclosures__form01_summary_lines') }}
    union all
    select * from {{ ref('stg_disclosures__form04_fiscal_summary_lines') }}
),

standard_classes as (
    select * from {{ ref('ref_function_classes') }}
),

final as (
    select
        lines.*,
        standard_classes.class_code as function_class_code
    from lines
    left join standard_classes
        on
            lines.line_kind = 'class_line'
            and lines.item_name = standard_classes.class_name
)

select * from final
