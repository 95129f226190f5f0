{#- One row per document: the headline totals exactly as printed (not re-summed from leaves,
    which can differ from a printed total by print rounding) and the reconciliation counts. -#}
with documents as (
    select * from {{ ref('dim_document') }}
),

printed_totals as (
    select
        document_id,
        max(amount_yuan) filter (where form = '02' and measure = 'total') as income_total_yuan,
        max(amount_yuan) filter (where form = '03' and measure = 'total') as expenditure_total_yuan,
        max(amount_yuan) filter (where form = '03' and measure = 'basic') as basic_expenditure_yuan,
        max(amount_yuan) filter (where form = '03' and measure = 'project') as project_expenditure_yuan,
        max(amount_yuan) filter (where form = '05' and measure = 'total') as general_budget_expenditure_yuan,
        max(amount_yuan) filter (where form = '06' and measure = 'personnel_total') as personnel_expenditure_yuan,
        max(amount_yuan) filter (where form = '06' and measure = 'public_use_total') as public_use_expenditure_yuan,
        max(amount_yuan) filter (where form = '09' and measure = 'budget_total') as three_public_budget_yuan,
        max(amount_yuan) filter (where form = '09' and measure = 'actual_total') as three_public_actual_yuan
    from {{ ref('int_forms__printed_totals') }}
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

final as (
    select
        documents.document_id,
        documents.department_name,
        documents.fiscal_year,
        documents.document_kind,
        documents.department_id,
        documents.disclosure_id,
        documents.version_no,
        documents.is_latest_version,
        documents.forms_found,
        documents.is_template,
        documents.status,
        documents.forms_failed,
        documents.parse_issue_count,
        printed_totals.income_total_yuan,
        printed_totals.expenditure_total_yuan,
        printed_totals.basic_expenditure_yuan,
        printed_totals.project_expenditure_yuan,
        printed_totals.general_budget_expenditure_yuan,
        printed_totals.personnel_expenditure_yuan,
        printed_totals.public_use_expenditure_yuan,
        printed_totals.three_public_budget_yuan,
        printed_totals.three_public_actual_yuan,
        coalesce(results.checks_run, 0) as checks_run,
        coalesce(results.findings, 0) as findings,
        coalesce(findings.unregistered_findings, 0) as unregistered_findings
    from documents
    left join printed_totals on documents.document_id = printed_totals.document_id
    left join results on documents.document_id = results.document_id
    left join findings on documents.document_id = findings.document_id
)

select * from final
