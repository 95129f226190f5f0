{#- The money figures of each narrative claim, one row per (claim, measure), with the key of
    the table fact the figure speaks of (see int_narrative__table_facts): a functional code by
    the code its names resolved to, basic/project spending of all funds in the 支出决算 section
    (form 03), the general budget's elsewhere (form 05). -#}
with claims as (
    select * from {{ ref('stg_disclosures__narrative_claims') }}
),

keyed as (
    select
        *,
        case
            when subject_key in ('function_item', 'function_class')
                then 'code:' || function_code || '@' || code_form
            when subject_key in ('basic_expenditure', 'project_expenditure') and topic = 'expenditure'
                then subject_key || '_all_funds'
            when subject_key = 'evaluated_projects' then 'project_expenditure'
            else subject_key
        end as fact_key
    from claims
),

figures as (
    {%- for measure in ['amount', 'actual', 'initial_budget', 'adjusted_budget'] %}
        select
            document_id,
            claim_no,
            claim_key,
            source_line,
            topic,
            subject_key,
            subject_label,
            function_code,
            fact_key,
            yuan_per_unit,
            '{{ measure }}' as measure,
            {{ measure }} as figure,
            {{ measure }}_half_unit as half_unit
        from keyed
        where {{ measure }} is not null
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select * from figures
)

select * from final
