{#- Facts that are not sums:
    - codes_form02_in_form03 / codes_form05_in_form03: every code of 02 and 05 is printed in 03
      (unless 03 prints its totals only)
      (03 covers all funds and all income is spent under some code); the detail names the 03
      code printed with the same name under the same parent, the usual sign of a misprint;
    - names_same_code_across_forms: a code printed in several of 02/03/05 has one name;
    - names_summary_class_known: every 类 line of 01/04 is a standard 类 name (or a former one),
      where the side names 类 at all;
    - codes_form06_class_known: every economic code of 06 is of a 类 of the economic
      classification (seed ref_economic_classes): an item moved to a class that does not exist
      can leave every sum within its print tolerance;
    - header_department_matches_cover: the 部门 line of every form names the cover department. -#}
with coded_lines as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_function_lines__unioned')) }}
    where form in ('02', '03', '05')
),

forms as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__forms')) }}
),

documents as {{ not_materialized() }} (
    select * from {{ this_run(ref('stg_disclosures__documents')) }}
),

form03_codes as {{ not_materialized() }} (
    select * from coded_lines
    where form = '03'
),

form03_totals_only as {{ not_materialized() }} (
    select document_id from {{ this_run(ref('int_forms__precision')) }}
    where form = '03' and prints_totals_only
),

namesakes as {{ not_materialized() }} (
    {#- the 03 code printed with the same name under the same parent: an equality join, so it
        stays a hash join at thousands of documents -#}
    select
        printed_line.document_id,
        printed_line.form,
        printed_line.source_line,
        min(namesake.function_code) as namesake_code
    from coded_lines as printed_line
    inner join form03_codes as namesake
        on
            printed_line.document_id = namesake.document_id
            and printed_line.function_name = namesake.function_name
            and left(printed_line.function_code, length(printed_line.function_code) - 2)
            = left(namesake.function_code, length(namesake.function_code) - 2)
            and printed_line.function_code <> namesake.function_code
    where printed_line.form in ('02', '05')
    group by printed_line.document_id, printed_line.form, printed_line.source_line
),

code_presence as {{ not_materialized() }} (
    select
        printed_line.document_id,
        'codes_form' || printed_line.form || '_in_form03' as rule_id,
        printed_line.form,
        printed_line.function_code as subject_code,
        printed_line.source_line,
        not exists (
            select 1 from form03_codes
            where
                form03_codes.document_id = printed_line.document_id
                and form03_codes.function_code = printed_line.function_code
        ) as failed,
        printed_line.function_code || ' ' || printed_line.function_name || ' (' || printed_line.form || ') '
        || coalesce('is printed in 03 as ' || namesakes.namesake_code, 'must also be printed in 03') as detail
    from coded_lines as printed_line
    left join namesakes
        on
            printed_line.document_id = namesakes.document_id
            and printed_line.form = namesakes.form
            and printed_line.source_line = namesakes.source_line
    where
        printed_line.form in ('02', '05')
        and exists (
            select 1 from forms
            where forms.document_id = printed_line.document_id and forms.form = '03'
        )
        -- a 03 that prints its totals only (a budget's 支出预算总表 in Jiangsu) lists no codes
        and not exists (
            select 1 from form03_totals_only
            where form03_totals_only.document_id = printed_line.document_id
        )
),

code_names as {{ not_materialized() }} (
    select
        document_id,
        'names_same_code_across_forms' as rule_id,
        min(form) as form,
        function_code as subject_code,
        min(source_line) as source_line,
        count(distinct function_name) > 1 as failed,
        function_code || ' is named ' || {{ sorted_text_agg("function_name", "' / '", distinct=true) }}
        || ' in forms ' || {{ sorted_text_agg("form", "', '", distinct=true) }} as detail
    from coded_lines
    group by document_id, function_code
    having count(distinct form) > 1
),

summary_classes as {{ not_materialized() }} (
    select
        document_id,
        'names_summary_class_known' as rule_id,
        form,
        item_name as subject_code,
        source_line,
        function_class_code is null as failed,
        item_name || ' (' || form || coalesce(' line ' || row_no, '') || ') '
        || coalesce('is 类 ' || function_class_code, 'is not a standard 类 name') as detail
    from {{ this_run(ref('int_summary_lines__coded')) }} as summary_lines
    where
        line_kind = 'class_line'
        -- a side listing spending by use (基本支出 / 项目支出: Jiangsu's 04) names no 类 at all
        and exists (
            select 1 from {{ this_run(ref('int_summary_lines__coded')) }} as known
            where
                known.document_id = summary_lines.document_id and known.form = summary_lines.form
                and known.side = summary_lines.side and known.function_class_code is not null
        )
),

economic_classes as {{ not_materialized() }} (
    select
        items.document_id,
        'codes_form06_class_known' as rule_id,
        items.form,
        items.economic_code as subject_code,
        items.source_line,
        classes.class_code is null as failed,
        items.economic_code || ' ' || items.economic_name || ' (06 line ' || items.source_line || ') '
        || coalesce(
            'is of 类 ' || classes.class_code || ' ' || classes.class_name,
            'is of no 类 of the economic classification'
        ) as detail
    from {{ this_run(ref('stg_disclosures__form06_economic_items')) }} as items
    left join {{ ref('ref_economic_classes') }} as classes on left(items.economic_code, 3) = classes.class_code
    where items.economic_code is not null
),

header_departments as {{ not_materialized() }} (
    select
        forms.document_id,
        'header_department_matches_cover' as rule_id,
        forms.form,
        'department' as subject_code,
        forms.title_line as source_line,
        forms.department_in_header <> documents.department_name as failed,
        'header names ' || forms.department_in_header || '; cover names ' || documents.department_name as detail
    from forms
    inner join documents on forms.document_id = documents.document_id
    where forms.department_in_header is not null and documents.department_name is not null
),

checks as {{ not_materialized() }} (
    select * from code_presence
    union all
    select * from code_names
    union all
    select * from summary_classes
    union all
    select * from economic_classes
    union all
    select * from header_departments
),

form_precision as {{ not_materialized() }} (
    select * from {{ this_run(ref('int_forms__precision')) }}
),

final as {{ not_materialized() }} (
    select
        checks.document_id,
        checks.rule_id,
        checks.form,
        checks.form || '|' || checks.subject_code || '|' || checks.rule_id as check_key,
        checks.subject_code,
        cast(null as string) as measure,
        {{ fact_check_columns('checks.failed') }},
        form_precision.unit,
        checks.source_line,
        checks.detail
    from checks
    inner join form_precision
        on
            checks.document_id = form_precision.document_id
            and checks.form = form_precision.form
)

select * from final
