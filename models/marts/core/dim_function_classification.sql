with codes as (
    select * from {{ ref('int_function_codes__named') }}
),

final as (
    select
        codes.function_code,
        case length(codes.function_code) when 3 then 'class' when 5 then 'section' else 'item' end as code_level,
        codes.function_name,
        case length(codes.function_code)
            when 7 then left(codes.function_code, 5)
            when 5 then left(codes.function_code, 3)
        end as parent_code,
        left(codes.function_code, 3) as class_code,
        classes.function_name as class_name,
        case when length(codes.function_code) >= 5 then left(codes.function_code, 5) end as section_code,
        sections.function_name as section_name,
        case when length(codes.function_code) = 7 then codes.function_code end as item_code,
        case when length(codes.function_code) = 7 then codes.function_name end as item_name
    from codes
    left join codes as classes on left(codes.function_code, 3) = classes.function_code
    left join codes as sections
        on length(codes.function_code) >= 5 and left(codes.function_code, 5) = sections.function_code
)

select * from final
