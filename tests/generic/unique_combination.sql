{#- Primary key over several columns: no two rows share the combination, none of them NULL.
    A key that includes document_id is checked on the documents built in this run only. -#}
{% test unique_combination(model, columns) %}
    select
        {{ columns | join(', ') }},
        count(*) as row_count
    from {{ rows_built_in_this_run(model) if 'document_id' in columns else model }}
    group by {{ columns | join(', ') }}
    having
        count(*) > 1
        {%- for column in columns %}
        or {{ column }} is null
        {%- endfor %}
{% endtest %}
