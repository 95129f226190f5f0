{#- The document as a whole, against itself:
    structure_forms_present: every form the 目录 lists, and every form the document's template
      family prints, is in the document (read, printed empty, or printed but unreadable: a parse
      issue is a form that is there);
    metadata_department_matches_cover: the department a heading, a 编制单位 line or a dated
      statement names is the cover's, or a part of it (石洞街道办事处 of 武汉市武昌区人民政府石洞街道办事处,
      上海市普陀区人民政府办公室 of …办公室（区外办）); a template's XX局, a dropped 普陀区
      (上海市财政局) or 规划与 for 规划和 is not;
    metadata_year_matches_document: the year of 20XX年度部门决算 in headings and statements, and
      of 截至20XX年12月31日, is the document's fiscal year;
    structure_form_units_agree: forms 01-08 declare the unit most of them declare (09, the 三公
      table, is printed in 万元 beside tables in 元 by whole families of budgets, so it is left
      out); the rules compare amounts across forms in yuan either way, but a form in a unit of
      its own is more often a wrong unit line than a different scale. -#}
with documents as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__documents')) }}
    where is_read
),

forms as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__forms')) }}
),

parse_issues as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__parse_issues')) }}
),

mentions as {{ not_materialized() }} (
    select
        *,
        row_number() over (
            partition by document_id, source_line, mention_kind order by printed_value
        ) as mention_on_line
    from {{ this_run(ref('stg_disclosures__document_mentions')) }}
),

expected_forms as {{ not_materialized() }} (
    select distinct
        document_id,
        form,
        contains(' ' || coalesce(forms_in_contents, '') || ' ', ' ' || form || ' ') as in_contents,
        contains(' ' || forms_expected || ' ', ' ' || form || ' ') as in_template,
        template_family
    from (
        select
            document_id,
            forms_in_contents,
            forms_expected,
            template_family,
            {{ split_to_rows("trim(forms_expected || ' ' || coalesce(forms_in_contents, ''))") }} as form
        from documents
    ) as expected
),

form_presence as {{ not_materialized() }} (
    select
        expected_forms.document_id,
        'structure_forms_present' as rule_id,
        expected_forms.form,
        'present' as subject_code,
        cast(null as integer) as source_line,
        forms.form is null and not exists (
            select 1 from parse_issues
            where parse_issues.document_id = expected_forms.document_id and parse_issues.form = expected_forms.form
        ) as failed,
        'form ' || expected_forms.form || ' is '
        || case
            when expected_forms.in_contents and expected_forms.in_template
                then 'listed in the 目录 and printed by the ' || expected_forms.template_family || ' template'
            when expected_forms.in_contents then 'listed in the 目录'
            else 'printed by the ' || expected_forms.template_family || ' template'
        end as detail
    from expected_forms
    left join forms
        on expected_forms.document_id = forms.document_id and expected_forms.form = forms.form
),

departments as {{ not_materialized() }} (
    select
        mentions.document_id,
        'metadata_department_matches_cover' as rule_id,
        'document' as form,
        'department' || case when mentions.mention_on_line > 1 then '#' || mentions.mention_on_line else '' end
            as subject_code,
        mentions.source_line,
        length(mentions.printed_value) < 3
        or not contains(replace(documents.department_name, ' ', ''), mentions.printed_value) as failed,
        mentions.context || ' names ' || mentions.printed_value || '; the cover names '
        || documents.department_name as detail
    from mentions
    inner join documents on mentions.document_id = documents.document_id
    where mentions.mention_kind = 'department' and documents.department_name is not null
),

years as {{ not_materialized() }} (
    select
        mentions.document_id,
        'metadata_year_matches_document' as rule_id,
        'document' as form,
        'fiscal_year' || case when mentions.mention_on_line > 1 then '#' || mentions.mention_on_line else '' end
            as subject_code,
        mentions.source_line,
        mentions.printed_value <> cast(documents.fiscal_year as string) as failed,
        mentions.context || ' prints ' || mentions.printed_value || '; the document is of '
        || documents.fiscal_year as detail
    from mentions
    inner join documents on mentions.document_id = documents.document_id
    where mentions.mention_kind = 'fiscal_year' and documents.fiscal_year is not null
),

form_units as {{ not_materialized() }} (
    select
        document_id,
        form,
        title_line,
        unit,
        mode(unit) over (partition by document_id) as most_forms_unit
    from forms
    where form between '01' and '08' and unit is not null
),

units as {{ not_materialized() }} (
    select
        form_units.document_id,
        'structure_form_units_agree' as rule_id,
        form_units.form,
        'unit' as subject_code,
        form_units.title_line as source_line,
        form_units.unit <> form_units.most_forms_unit as failed,
        form_units.form || ' declares 单位：' || form_units.unit || '; most forms declare '
        || form_units.most_forms_unit as detail
    from form_units
    inner join documents on form_units.document_id = documents.document_id
),

checks as {{ not_materialized() }} (
    select * from form_presence
    union all
    select * from units
    union all
    select * from departments
    union all
    select * from years
),

final as {{ not_materialized() }} (
    select
        document_id,
        rule_id,
        form,
        form || '|' || subject_code || '|' || coalesce(cast(source_line as string) || '|', '') || rule_id
            as check_key,
        subject_code,
        cast(null as string) as measure,
        {{ fact_check_columns('failed') }},
        cast(null as string) as unit,
        source_line,
        detail
    from checks
)

select * from final
