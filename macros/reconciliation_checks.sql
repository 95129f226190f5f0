{#- Every reconciliation rule returns rows of one shape (see _reconciliation__models.yml):
    document_id, rule_id, form, check_key, subject_code, measure, expected_amount,
    actual_amount, difference, tolerance, unit, source_line, detail, outcome. -#}

{% macro amount_check_columns(expected, actual, tolerance) -%}
    cast({{ expected }} as decimal(38, 6)) as expected_amount,
    cast({{ actual }} as decimal(38, 6)) as actual_amount,
    cast({{ actual }} - {{ expected }} as decimal(38, 6)) as difference,
    cast({{ tolerance }} as decimal(38, 6)) as tolerance,
    case
        when abs({{ actual }} - {{ expected }}) > {{ tolerance }} then 'fail'
        else 'pass'
    end as outcome
{%- endmacro %}

{#- A check that compares no amounts (a code present in one form only, a header naming another
    department): amounts are NULL, the outcome is given. -#}
{% macro fact_check_columns(failed) -%}
    cast(null as decimal(38, 6)) as expected_amount,
    cast(null as decimal(38, 6)) as actual_amount,
    cast(null as decimal(38, 6)) as difference,
    cast(null as decimal(38, 6)) as tolerance,
    case when {{ failed }} then 'fail' else 'pass' end as outcome
{%- endmacro %}

{#- True when the register (seed accepted_findings) lists this finding with a reason. -#}
{% macro is_registered(alias) -%}
    exists (
        select 1
        from {{ ref('accepted_findings') }} as register
        where
            register.document_id = {{ alias }}.document_id
            and register.rule_id = {{ alias }}.rule_id
            and register.check_key = {{ alias }}.check_key
    )
{%- endmacro %}

{#- The result rows of an identity rule. `identities` is a CTE with: document_id, rule_id,
    form, subject_code, source_line, printed_total (expected), terms_sum (actual), term_count
    (printed terms in terms_sum, for the tolerance) and detail; with coarser_half_unit=true also
    coarser_half_unit, the rounding a figure from a form printed in a coarser unit adds (in the
    form's unit; 0 when it has none). -#}
{% macro identity_results(identities, coarser_half_unit=false) %}
    select
        {{ identities }}.document_id,
        {{ identities }}.rule_id,
        {{ identities }}.form,
        {{ identities }}.form || '|' || {{ identities }}.subject_code || '|' || {{ identities }}.rule_id as check_key,
        {{ identities }}.subject_code,
        'total' as measure,
        {{ amount_check_columns(
            'coalesce(' ~ identities ~ '.printed_total, 0)',
            'coalesce(' ~ identities ~ '.terms_sum, 0)',
            sum_tolerance(identities ~ '.term_count', 'form_precision.half_unit')
            ~ (' + ' ~ identities ~ '.coarser_half_unit' if coarser_half_unit else '')
        ) }},
        form_precision.unit,
        {{ identities }}.source_line,
        {{ identities }}.detail
    from {{ identities }}
    inner join {{ ref('int_forms__precision') }} as form_precision
        on
            {{ identities }}.document_id = form_precision.document_id
            and {{ identities }}.form = form_precision.form
{% endmacro %}

{#- Forms of one document may print 元 and 万元 (a budget's 09 in 万元 beside tables in 元): a
    figure of one form held against another is first put in the other's unit. `amount` is printed
    in the unit of `from_form`, both aliases of int_forms__precision rows. -#}
{% macro in_unit_of(amount, from_form, to_form) -%}
    case
        when {{ from_form }}.yuan_per_unit = {{ to_form }}.yuan_per_unit then {{ amount }}
        else cast({{ amount }} * {{ from_form }}.yuan_per_unit / {{ to_form }}.yuan_per_unit as decimal(38, 6))
    end
{%- endmacro %}

{#- What a figure converted by in_unit_of adds to the tolerance: the half unit it was rounded to,
    where coarser than the other form's own (in the other form's unit). -#}
{% macro coarser_half_unit(from_form, to_form) -%}
    case
        when {{ from_form }}.yuan_per_unit * {{ from_form }}.half_unit > {{ to_form }}.yuan_per_unit * {{ to_form }}.half_unit
            then cast(
                {{ from_form }}.half_unit * {{ from_form }}.yuan_per_unit / {{ to_form }}.yuan_per_unit - {{ to_form }}.half_unit
                as decimal(38, 6)
            )
        else 0
    end
{%- endmacro %}
