{#- Economic items as form 06 prints them: the whole template, blank items included. -#}
with items as (
    select * from {{ ref('stg_disclosures__form06_economic_items') }}
    where row_kind in ('class', 'section')
),

name_votes as (
    select
        economic_code,
        economic_name,
        min(expense_category) as expense_category,
        count(*) as times_printed
    from items
    group by economic_code, economic_name
),

named as (
    select
        economic_code,
        economic_name,
        expense_category
    from (
        select
            *,
            row_number() over (
                partition by economic_code order by times_printed desc, economic_name asc
            ) as name_rank
        from name_votes
    ) as ranked
    where name_rank = 1
),

final as (
    select
        named.economic_code,
        case length(named.economic_code) when 3 then 'class' else 'section' end as code_level,
        named.economic_name,
        case when length(named.economic_code) = 5 then left(named.economic_code, 3) end as parent_code,
        left(named.economic_code, 3) as class_code,
        classes.economic_name as class_name,
        named.expense_category
    from named
    left join named as classes on left(named.economic_code, 3) = classes.economic_code
)

select * from final
