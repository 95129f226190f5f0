{#- One row per document: the headline totals exactly as printed (not re-summed from leaves,
    which can differ from a printed total by print rounding) and the reconciliation counts. -#}
with documents as (
    select * from {{ ref('dim_document') }}
),

form03_total as (
    select * from {{ ref('stg_disclosures__form03_expenditure') }}
    where row_kind = 'total'
),

form02_total as (
    select * from {{ ref('stg_disclosures__form02_income') }}
    where row_kind = 'total'
),

form05_total as (
    select * from {{ ref('stg_disclosures__form05_general_budget_expenditure') }}
    where row_kind = 'total'
),

form06_totals as (
    select
        document_id,
        max(amount) filter (where expense_category = 'personnel') as personnel_total,
        max(amount) filter (where expense_category = 'public_use') as public_use_total
    from {{ ref('stg_disclosures__form06_economic_items') }}
    where row_kind = 'category_total'
    group by document_id
),

form09_totals as (
    select
        document_id,
        max(amount) filter (where scope = 'budget') as budget_total,
        max(amount) filter (where scope = 'actual') as actual_total
    from {{ ref('stg_disclosures__form09_three_public') }}
    where component = 'total'
    group by document_id
),

results as (
    select
        document_id,
        count(*) as checks_run,
        count(*) filter (where outcome = 'fail') as findings
    from {{ ref('fct_reconciliation_results') }}
    group by document_id
),

findings as (
    select
        document_id,
        count(*) filter (where not is_registered) as unregistered_findings
    from {{ ref('fct_findings') }}
    group by document_id
),

form_precision as (
    select * from {{ ref('int_forms__precision') }}
),

final as (
    select
        documents.document_id,
        documents.department_name,
        documents.fiscal_year,
        documents.forms_found,
        documents.is_template,
        documents.status,
        documents.forms_failed,
        documents.parse_issue_count,
        cast(form02_total.amount_total * precision02.yuan_per_unit as decimal(20, 2)) as income_total_yuan,
        cast(form03_total.amount_total * precision03.yuan_per_unit as decimal(20, 2)) as expenditure_total_yuan,
        cast(form03_total.amount_basic * precision03.yuan_per_unit as decimal(20, 2)) as basic_expenditure_yuan,
        cast(form03_total.amount_project * precision03.yuan_per_unit as decimal(20, 2)) as project_expenditure_yuan,
        cast(form05_total.amount_total * precision05.yuan_per_unit as decimal(20, 2))
            as general_budget_expenditure_yuan,
        cast(form06_totals.personnel_total * precision06.yuan_per_unit as decimal(20, 2))
            as personnel_expenditure_yuan,
        cast(form06_totals.public_use_total * precision06.yuan_per_unit as decimal(20, 2))
            as public_use_expenditure_yuan,
        cast(form09_totals.budget_total * precision09.yuan_per_unit as decimal(20, 2)) as three_public_budget_yuan,
        cast(form09_totals.actual_total * precision09.yuan_per_unit as decimal(20, 2)) as three_public_actual_yuan,
        coalesce(results.checks_run, 0) as checks_run,
        coalesce(results.findings, 0) as findings,
        coalesce(findings.unregistered_findings, 0) as unregistered_findings
    from documents
    left join form02_total on documents.document_id = form02_total.document_id
    left join form03_total on documents.document_id = form03_total.document_id
    left join form05_total on documents.document_id = form05_total.document_id
    left join form06_totals on documents.document_id = form06_totals.document_id
    left join form09_totals on documents.document_id = form09_totals.document_id
    left join results on documents.document_id = results.document_id
    left join findings on documents.document_id = findings.document_id
    left join form_precision as precision02
        on documents.document_id = precision02.document_id and precision02.form = '02'
    left join form_precision as precision03
        on documents.document_id = precision03.document_id and precision03.form = '03'
    left join form_precision as precision05
        on documents.document_id = precision05.document_id and precision05.form = '05'
    left join form_precision as precision06
        on documents.document_id = precision06.document_id and precision06.form = '06'
    left join form_precision as precision09
        on documents.document_id = precision09.document_id and precision09.form = '09'
)

select * from final
