-- Every column of the analytics schema with its Chinese name and meaning,
-- read from the dbt YAML (meta.name_zh and the description), so that a BI
-- tool can show Chinese captions and the YAML stays the one definition.
{%- set rows = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values()
        if node.resource_type == 'model' and node.fqn[1] == 'analytics' and node.name != this.name %}
        {%- for column in node.columns.values() %}
            {%- do rows.append([node.name, loop.index, column.name, column.meta.get('name_zh'), column.description]) %}
        {%- endfor %}
    {%- endfor %}
{%- endif %}

select
    cast(table_name as varchar) as table_name,
    cast(column_position as integer) as column_position,
    cast(column_name as varchar) as column_name,
    cast(name_zh as varchar) as name_zh,
    cast(description as varchar) as description
from (
    values
    {%- for row in rows %}
    ({{ sql_text(row[0]) }}, {{ row[1] }}, {{ sql_text(row[2]) }}, {{ sql_text(row[3]) }}, {{ sql_text(row[4]) }}){{ ',' if not loop.last }}
    {%- else %}
    (null, null, null, null, null)
    {%- endfor %}
) as glossary (table_name, column_position, column_name, name_zh, description)
{%- if not rows %}
where false
{%- endif %}
