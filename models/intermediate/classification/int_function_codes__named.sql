{#- Every functional code printed in forms 02/03/05/07/08 plus the 26 standard 类, with one
    name each: the standard name for a 类, otherwise the name printed most often (03 first). -#}
with printed as (
    select * from {{ ref('int_function_lines__unioned') }}
),

standard_classes as (
    select
        class_code as function_code,
        class_name as function_name
    from {{ ref('ref_function_classes') }}
),

name_votes as (
    select
        function_code,
        function_name,
        count(*) as times_printed,
        min(case form when '03' then 1 when '05' then 2 when '02' then 3 else 4 end) as form_rank
    from printed
    group by function_code, function_name
),

printed_names as (
    select
        function_code,
        function_name
    from (
        select
            *,
            row_number() over (
                partition by function_code order by times_printed desc, form_rank asc, function_name asc
            ) as name_rank
        from name_votes
    ) as ranked
    where name_rank = 1
),

final as (
    select
        function_code,
        function_name
    from standard_classes
    union all
    select
        function_code,
        function_name
    from printed_names
    where function_code not in (select standard_classes.function_code from standard_classes)
)

select * from final
