"""Parse final-accounts disclosures (部门决算公开) and land their form tables as dbt seeds."""

PARSER_VERSION = "1"
