{#- Every column of every mart, with its Chinese name (seed ref_glossary_zh) and its description
    (the models' yml, read from dbt's graph when the model runs): what a BI tool joins to label
    a column. The descriptions have one owner, the yml; a column without a Chinese name fails
    this model's not_null test. -#}
{%- set rows = [] -%}
{%- if execute -%}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.fqn[1] == 'marts' and node.fqn[2] in ('core', 'bi', 'audit')
        and node.name != this.identifier -%}
        {%- for column in node.columns.values() -%}
            {%- do rows.append([node.schema, node.name, column.name, column.description]) -%}
        {%- endfor -%}
    {%- endfor -%}
{%- endif -%}
with columns_described as (
    {%- if rows %}
        select described.* from (
            values
            {%- for schema_name, table_name, column_name, description in rows %}
                ('{{ schema_name }}', '{{ table_name }}', '{{ column_name }}', '{{ description | replace("'", "''") }}')
                {{- ',' if not loop.last }}
            {%- endfor %}
        ) as described (schema_name, table_name, column_name, description)
    {%- else %}
        select
            cast(null as string) as schema_name,
            cast(null as string) as table_name,
            cast(null as string) as column_name,
            cast(null as string) as description
        where false
    {%- endif %}
),

names as (
    select * from {{ ref('ref_glossary_zh') }}
),

final as (
    select
        columns_described.schema_name,
        columns_described.table_name,
        columns_described.column_name,
        names.name_zh,
        columns_described.description
    from columns_described
    left join names on columns_described.column_name = names.column_name
)

select * from final
