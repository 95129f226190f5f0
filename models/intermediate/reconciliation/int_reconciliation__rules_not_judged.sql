{#- For every document read (landed or partial) and catalogue rule, whether the rule could judge
    the document:
    - parse_error: a form the rule reads is printed but could not be read (a parse issue);
    - insufficient_data: a form the rule reads is not in the document, though its template
      prints it;
    - not_applicable: a form the rule reads is not part of the document's template (the four
      高等学校 tables have no 04), or is printed without amounts (an empty 07/08 with its 说明;
      unless the rule judges_empty_forms, holding the narrative against the blank table), or the
      document printed nothing the rule checks (no rows to compare).
    Documents and rules with none of these get no row here: their checks stand. -#}
{{ config(materialized='incremental', incremental_strategy='append', on_schema_change='fail',
          pre_hook="{{ delete_documents_to_rebuild() }}") }}
{#- which of a rule's forms: unreadable (printed, a parse issue), missing (not printed: in the
    template or outside it), empty (printed without amounts) -#}
{%- set unreadable = 'forms.form is null and parse_issues.form is not null' %}
{%- set missing = 'rule_forms.form is not null and forms.form is null and parse_issues.form is null' %}
{%- set in_template = "contains(' ' || documents.forms_expected || ' ', ' ' || rule_forms.form || ' ')" %}
{%- set empty = 'forms.form is not null and not forms.has_amounts' %}
with documents as (
    select * from {{ this_run(ref('stg_disclosures__documents')) }}
    where is_read
),

parse_issues as (
    select
        document_id,
        form,
        min(reason) as reason
    from {{ this_run(ref('stg_disclosures__parse_issues')) }}
    where form is not null
    group by document_id, form
),

forms as (
    select * from {{ this_run(ref('stg_disclosures__forms')) }}
),

rules as (
    select * from {{ ref('rule_catalogue') }}
),

rule_forms as (
    select
        rule_id,
        {{ split_to_rows('required_forms') }} as form
    from rules
    where coalesce(required_forms, '') <> ''
),

check_counts as (
    select
        document_id,
        rule_id,
        count(*) as check_count
    from {{ this_run(ref('int_reconciliation__checks_unioned')) }}
    group by document_id, rule_id
),

form_status as (
    select
        documents.document_id,
        rules.rule_id,
        {{ sorted_text_agg("rule_forms.form", "' '", where=unreadable) }} as unreadable_forms,
        min(parse_issues.reason) filter (where {{ unreadable }}) as parse_reason,
        {{ sorted_text_agg("rule_forms.form", "' '", where=missing ~ ' and ' ~ in_template) }} as missing_forms,
        {{ sorted_text_agg("rule_forms.form", "' '", where=missing ~ ' and not ' ~ in_template) }}
            as forms_outside_template,
        min(documents.template_family) as template_family,
        bool_or(rules.judges_empty_forms) as judges_empty_forms,
        {{ sorted_text_agg("rule_forms.form", "' '", where=empty) }} as empty_forms,
        min(forms.empty_note) filter (where {{ empty }}) as empty_note
    from documents
    cross join rules
    left join rule_forms on rules.rule_id = rule_forms.rule_id
    left join forms
        on
            documents.document_id = forms.document_id
            and rule_forms.form = forms.form
    left join parse_issues
        on
            documents.document_id = parse_issues.document_id
            and rule_forms.form = parse_issues.form
    group by documents.document_id, rules.rule_id
),

judged as (
    select
        form_status.document_id,
        form_status.rule_id,
        split_part(
            coalesce(
                form_status.unreadable_forms, form_status.missing_forms, form_status.forms_outside_template,
                form_status.empty_forms
            ),
            ' ',
            1
        ) as form,
        case
            when form_status.unreadable_forms is not null then 'parse_error'
            when form_status.missing_forms is not null then 'insufficient_data'
            when form_status.forms_outside_template is not null then 'not_applicable'
            when form_status.empty_forms is not null and not form_status.judges_empty_forms then 'not_applicable'
            when coalesce(check_counts.check_count, 0) = 0 then 'not_applicable'
        end as outcome,
        case
            when form_status.unreadable_forms is not null
                then 'form ' || form_status.unreadable_forms || ' could not be read: ' || form_status.parse_reason
            when form_status.missing_forms is not null
                then 'form ' || form_status.missing_forms || ' not in the document'
            when form_status.forms_outside_template is not null
                then
                    'form ' || form_status.forms_outside_template || ' is not part of the '
                    || form_status.template_family || ' template'
            when form_status.empty_forms is not null
                then
                    'form ' || form_status.empty_forms || ' printed without amounts'
                    || coalesce(': ' || form_status.empty_note, '')
            else 'nothing printed that this rule compares'
        end as detail
    from form_status
    left join check_counts
        on
            form_status.document_id = check_counts.document_id
            and form_status.rule_id = check_counts.rule_id
),

final as (
    select
        document_id,
        rule_id,
        nullif(form, '') as form,
        rule_id || '|coverage' as check_key,
        cast(null as string) as subject_code,
        cast(null as string) as measure,
        cast(null as decimal(38, 6)) as expected_amount,
        cast(null as decimal(38, 6)) as actual_amount,
        cast(null as decimal(38, 6)) as difference,
        cast(null as decimal(38, 6)) as tolerance,
        cast(null as string) as unit,
        cast(null as integer) as source_line,
        detail,
        outcome
    from judged
    where outcome is not null
)

select * from final
