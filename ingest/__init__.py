"""Parse budget and final-accounts disclosures (部门预算 / 部门决算公开) and land their form tables."""

# Bumped when the landed rows of a document can change: a refresh re-reads documents landed by
# an older version (2: PDF reader, 08 balances, 01/04 without 行次; 3: forms read one by one with
# parse issues, printed-empty forms, unknown columns landed, contents and mentions; 4: budgets and
# workbooks, document kind, line origins, budget narratives; 5: forms with a code printed twice are parse issues).
PARSER_VERSION = "5"
