{#- Narrative figures against the tables (see int_narrative__claim_figures / __table_facts):
    narrative_amount_vs_table: totals, income and spending lines, basic / project, personnel and
      public-use spending, and every 类 / 项 named in prose, against the printed table value;
    narrative_three_public_vs_form09: 三公 budget and actual figures against form 09's blocks;
    narrative_operating_cost_vs_form06: 机关运行经费 against 06's 公用经费合计 (severity warning:
      the two are defined alike for administrative units only);
    narrative_names_vs_table: a 类 / 款 / 项 named in prose resolves to a printed code only when
      every name agrees; a partial or failed match is a finding.
    Figures are compared in the table's unit; the tolerance is half a unit of each side's last
    printed digit. -#}
with figures as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_narrative__claim_figures')) }}
),

facts as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_narrative__table_facts')) }}
),

claims as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__narrative_claims')) }}
),

pairs as {{ not_materialized() }} (
    select
        figures.*,
        facts.form,
        facts.unit,
        facts.table_amount,
        facts.yuan_per_unit as table_yuan_per_unit,
        facts.half_unit as table_half_unit,
        case
            when figures.subject_key like 'three_public%' then 'narrative_three_public_vs_form09'
            when figures.subject_key = 'operating_cost' then 'narrative_operating_cost_vs_form06'
            else 'narrative_amount_vs_table'
        end as rule_id
    from figures
    inner join facts
        on
            figures.document_id = facts.document_id
            and facts.fact_key = case figures.subject_key
                when 'operating_cost' then 'public_use_expenditure' else figures.fact_key
            end
            and facts.scope = case
                when figures.subject_key like 'three_public%' and figures.measure = 'initial_budget' then 'budget'
                else 'actual'
            end
    where
        figures.measure in ('amount', 'actual')
        or (figures.subject_key like 'three_public%' and figures.measure = 'initial_budget')
),

amount_checks as {{ not_materialized() }} (
    select
        document_id,
        rule_id,
        form,
        claim_key || '|' || measure as check_key,
        coalesce(function_code, subject_key) as subject_code,
        measure,
        {{ amount_check_columns(
            'table_amount',
            divide('figure * yuan_per_unit', 'table_yuan_per_unit'),
            'table_half_unit + ' ~ divide('half_unit * yuan_per_unit', 'table_yuan_per_unit')
        ) }},
        unit,
        source_line,
        'narrative ' || coalesce(nullif(subject_label, ''), subject_key) || ' ' || measure || ' '
        || cast(figure as string) || case when yuan_per_unit = 1 then '元' else '万元' end
        || ' against form ' || form || ' ' || cast(table_amount as string) || unit as detail
    from pairs
),

named_codes as {{ not_materialized() }} (
    select * from {{ ref('int_function_codes__named') }}
),

name_checks as {{ not_materialized() }} (
    select
        claims.document_id,
        'narrative_names_vs_table' as rule_id,
        claims.form,
        claims.claim_key || case when claims.function_code is null then ':' || claims.subject_label else '' end
        || '|names' as check_key,
        coalesce(claims.function_code, 'unresolved') as subject_code,
        'names' as measure,
        {{ fact_check_columns("claims.code_match <> 'exact'") }},
        cast(null as string) as unit,
        claims.source_line,
        'prose ' || concat_ws(' / ', claims.class_name, claims.section_name, claims.item_name)
        || case
            when claims.function_code is null then ': no printed code has these names'
            else
                ' resolves ' || claims.code_match || 'ly to ' || claims.function_code || ' '
                || coalesce(named_codes.function_name, '')
        end as detail
    from claims
    left join named_codes on claims.function_code = named_codes.function_code
    where
        claims.subject_key in ('function_item', 'function_class')
        -- a disclosure's text printed without its tables has no code to name (its tables file has)
        and exists (
            select 1 from {{ this_run(ref('stg_disclosures__forms')) }} as forms
            where forms.document_id = claims.document_id
        )
),

final as {{ not_materialized() }} (
    select * from amount_checks
    union all
    select * from name_checks
)

select * from final
