{#- MetricFlow's time spine: one row per day of the years disclosures cover. The semantic models
    (_semantic__models.yml) group by fiscal year, the start of which is a day of this spine. -#}
{{ days_from_to("date '2000-01-01'", "date '2050-12-31'") }}
