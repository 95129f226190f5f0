{#- Each rule's checks come from the model the catalogue names for it (rule_catalogue.checked_by,
    from which int_reconciliation__checks_unioned is generated): a model yielding another
    model's rule, or a rule the catalogue does not list, fails here. -#}
select
    checks.rule_id,
    checks.checked_by,
    count(*) as checks
from {{ ref('int_reconciliation__checks_unioned') }} as checks
left join {{ ref('rule_catalogue') }} as rules
    on
        checks.rule_id = rules.rule_id
        and checks.checked_by = rules.checked_by
where rules.rule_id is null
group by checks.rule_id, checks.checked_by
