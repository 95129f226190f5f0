{#- A plain `dbt build` (or run, seed, test) refuses to write a warehouse that a `fiscal` writer
    holds: fiscal builds a copy beside it and swaps it in, which would throw this run's work away
    or swap over it. The lock is ingest/refresh_lock.py's <warehouse>.lock: while held it names
    its holder ('process 123'); the check also asks /proc whether that process still runs, so a
    writer killed with SIGKILL (which leaves the name) blocks nothing. fiscal's own builds write
    <warehouse>.building, whose lock no one holds. -#}
{% macro refuse_while_a_writer_holds_the_warehouse() -%}
    {%- if execute and target.type == 'duckdb' and target.path and target.path != ':memory:' -%}
        {%- set lock = target.path ~ '.lock' -%}
        {%- set found = run_query("select count(*) from glob('" ~ lock ~ "')").columns[0].values()[0] -%}
        {%- if found -%}
            {%- set holder = run_query("select trim(content) from read_text('" ~ lock ~ "')").columns[0].values()[0] -%}
            {%- set pid = holder | replace('process ', '') | trim -%}
            {%- if pid.isdigit() -%}
                {%- set alive = run_query("select count(*) from glob('/proc/" ~ pid ~ "/status')").columns[0].values()[0] -%}
                {%- if alive -%}
                    {{ exceptions.raise_compiler_error(
                        holder ~ " (fiscal) is writing the warehouse " ~ target.path ~ " (lock " ~ lock ~ "): "
                        ~ "run dbt again when it has finished, or use `fiscal build --wait`") }}
                {%- endif -%}
            {%- endif -%}
        {%- endif -%}
    {%- endif -%}
    select 1
{%- endmacro %}
