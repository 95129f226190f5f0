{#- MetricFlow's time spine: one row per day of the years disclosures cover. The semantic models
    (_semantic__models.yml) group by fiscal year, the start of which is a day of this spine. -#}
select cast(range as date) as date_day
from range(date '2000-01-01', date '2051-01-01', interval 1 day)
