{#- parent = Σ children, for every parent row and measure of a coded form.
    Children of a code are the codes two digits longer that start with it (201 -> 20101 ->
    2010101); children of the total row (row_kind = total_row_kind) are the 3-digit codes.
    The printed parent is the expected value, the sum of printed children the actual one;
    a blank cell counts as nothing and adds no rounding to the tolerance. A parent with no printed children is a leaf: no check.
    Used by int_reconciliation__hierarchy. -#}
{% macro hierarchy_checks(relation, form, rule_id, code_column, measure_columns, total_row_kind=none) %}
    with lines as {{ not_materialized() }} (
        select
            document_id,
            source_line,
            {{ code_column }} as code,
            {% if total_row_kind %}row_kind = '{{ total_row_kind }}'{% else %}false{% endif %} as is_total_row
            {%- for column in measure_columns %},
            {{ column }}
            {%- endfor %}
        from {{ this_run(relation) }}
        where
            {{ code_column }} is not null
            {%- if total_row_kind %} or row_kind = '{{ total_row_kind }}'{% endif %}
    ),

    amounts as {{ not_materialized() }} (
        {%- for column in measure_columns %}
        select
            document_id,
            source_line,
            code,
            is_total_row,
            {#- the row this one adds up into: 201 -> total, 20101 -> 201, 2010101 -> 20101 #}
            case
                when is_total_row then null
                when length(code) = 3 then 'total'
                else left(code, length(code) - 2)
            end as parent_key,
            '{{ column | replace("amount_", "") }}' as measure,
            {{ column }} as amount
        from lines
        {% if not loop.last %}union all{% endif %}
        {%- endfor %}
    ),

    parent_sums as (
        select
            parent.document_id,
            parent.source_line,
            parent.measure,
            parent.amount as printed_amount,
            coalesce(parent.code, 'total') as parent_code,
            count(child.amount) as printed_child_count,
            sum(coalesce(child.amount, 0)) as children_sum
        from amounts as parent
        inner join amounts as child
            {#- an equality join (a hash join): the prefix test it stands for compared every pair
                of a document's rows, which dominated the build at thousands of documents #}
            on
                parent.document_id = child.document_id
                and parent.measure = child.measure
                and child.parent_key = (case when parent.is_total_row then 'total' else parent.code end)
        group by all
        {#- a measure printed neither in the parent nor in any child (a column the layout does not
            print) is no check: 0 = 0 would be a pass that cannot fail #}
        having parent.amount is not null or count(child.amount) > 0
    ),

    form_precision as (
        select
            document_id,
            unit,
            half_unit
        from {{ this_run(ref('int_forms__precision')) }}
        where form = '{{ form }}'
    )

    select
        parent_sums.document_id,
        '{{ rule_id }}' as rule_id,
        '{{ form }}' as form,
        '{{ form }}|' || parent_sums.parent_code || '|' || parent_sums.measure as check_key,
        parent_sums.parent_code as subject_code,
        parent_sums.measure,
        {{ amount_check_columns(
            'coalesce(parent_sums.printed_amount, 0)',
            'parent_sums.children_sum',
            sum_tolerance('parent_sums.printed_child_count', 'form_precision.half_unit')
        ) }},
        form_precision.unit,
        parent_sums.source_line,
        'printed ' || parent_sums.parent_code || ' against the sum of its '
        || parent_sums.printed_child_count || ' printed children' as detail
    from parent_sums
    inner join form_precision on parent_sums.document_id = form_precision.document_id
{% endmacro %}
