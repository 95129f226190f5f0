{#- The department of each read document, as one identity across documents and years: the printed
    name normalised (spaces and brackets removed), a reviewed alias (ref_department_aliases)
    applied, and the region it begins with (江苏省, 上海市普陀区, 武汉市武昌区; none for a national
    body such as 西南大学). department_id = md5(region | name). Two spellings that are not aliased
    stay two departments: a mart that pairs documents lists what it could not pair. -#}
with documents as (
    select * from {{ ref('stg_disclosures__documents') }}
    where department_name is not null and is_read     -- departments of documents read, not of templates
),

aliases as (
    select * from {{ ref('ref_department_aliases') }}
),

normalised as (
    select
        document_id,
        department_name as printed_name,
        {{ replace_all('department_name', '[\\s　()（）]', "''") }} as normalised_name
    from documents
),

named as (
    select
        normalised.document_id,
        normalised.printed_name,
        coalesce(aliases.department_name, normalised.normalised_name) as department_name
    from normalised
    left join aliases on normalised.normalised_name = aliases.printed_name
),

with_region as (
    select
        *,
        nullif(regexp_extract(department_name, {{ regex('^(?:中共)?(.{2,3}?省|.{2,3}?市(?:.{1,4}?[区县])?)') }}, 1), '')
            as region
    from named
),

final as (
    select
        document_id,
        printed_name,
        department_name,
        region,
        substr(md5(coalesce(region, '') || '|' || department_name), 1, 16) as department_id
    from with_region
)

select * from final
