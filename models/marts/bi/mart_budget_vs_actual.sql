{#- Did they spend what they said they would? One row per department, fiscal year, fund scope and
    functional code (leaf grain): the published budget (from the department's budget disclosure),
    the 年初预算 and 调整预算 the final accounts' narrative states for the 项 (fct_budget_execution), the actual (决算),
    the execution rate, and the change from the year before. A department-year with only one of
    the two disclosures is kept (pairing says which), never guessed: departments meet through
    int_departments__identified, and int_departments__disclosures says which document of a
    department-year is read (a department budget before a unit budget). -#}
with facts as (
    select * from {{ ref('fct_expenditure_by_function') }}
),

chosen_documents as (
    select * from {{ ref('int_departments__disclosures') }}
    where is_chosen
),

departments as (
    select * from {{ ref('dim_department') }}
),

codes as (
    select * from {{ ref('dim_function_classification') }}
),

claims as (
    select * from {{ ref('fct_budget_execution') }}
    where function_code is not null
),

amounts as (
    select
        chosen_documents.department_id,
        chosen_documents.fiscal_year,
        chosen_documents.side,
        facts.document_id,
        facts.fund_scope,
        facts.function_code,
        facts.total_amount_yuan
    from facts
    inner join chosen_documents on facts.document_id = chosen_documents.document_id
),

budget as (
    select * from amounts
    where side = 'budget'
),

actual as (
    select * from amounts
    where side = 'final_accounts'
),

stated as (
    select
        claims.document_id,
        case claims.code_form when '03' then 'all_funds' else 'general_public_budget' end as fund_scope,
        claims.function_code,
        cast(
            min_by(claims.initial_budget * {{ yuan_per_unit('claims.money_unit') }}, claims.claim_no)
            as decimal(20, 2)
        ) as stated_initial_budget_yuan,
        cast(
            min_by(claims.adjusted_budget * {{ yuan_per_unit('claims.money_unit') }}, claims.claim_no)
            as decimal(20, 2)
        ) as stated_adjusted_budget_yuan
    from claims
    group by all
),

paired as (
    select
        coalesce(budget.department_id, actual.department_id) as department_id,
        coalesce(budget.fiscal_year, actual.fiscal_year) as fiscal_year,
        coalesce(budget.fund_scope, actual.fund_scope) as fund_scope,
        coalesce(budget.function_code, actual.function_code) as function_code,
        budget.document_id as budget_document_id,
        actual.document_id as final_accounts_document_id,
        budget.total_amount_yuan as published_budget_yuan,
        actual.total_amount_yuan as actual_yuan
    from budget
    full outer join actual
        on
            budget.department_id = actual.department_id
            and budget.fiscal_year = actual.fiscal_year
            and budget.fund_scope = actual.fund_scope
            and budget.function_code = actual.function_code
),

department_years as (
    select
        department_id,
        fiscal_year,
        max(budget_document_id) as budget_document_id,
        max(final_accounts_document_id) as final_accounts_document_id
    from paired
    group by department_id, fiscal_year
),

prior_year as (
    -- the year before exactly: a gap of a year has no prior. A join, not a window framed on
    -- fiscal_year: paired has one row per key, and the window took 40% of the model
    select
        department_id,
        fiscal_year + 1 as fiscal_year,
        fund_scope,
        function_code,
        published_budget_yuan,
        actual_yuan
    from paired
),

final as (
    select
        paired.department_id,
        departments.department_name,
        paired.fiscal_year,
        paired.fund_scope,
        paired.function_code,
        codes.function_name,
        department_years.budget_document_id,
        department_years.final_accounts_document_id,
        case
            when department_years.budget_document_id is null then 'final_accounts_only'
            when department_years.final_accounts_document_id is null then 'budget_only'
            else 'budget_and_final_accounts'
        end as pairing,
        paired.published_budget_yuan,
        stated.stated_initial_budget_yuan,
        stated.stated_adjusted_budget_yuan,
        paired.actual_yuan,
        cast(
            {{ divide('paired.actual_yuan', 'nullif(paired.published_budget_yuan, 0)') }} as decimal(12, 4)
        ) as execution_rate,
        prior_year.actual_yuan as prior_year_actual_yuan,
        prior_year.published_budget_yuan as prior_year_budget_yuan,
        cast(paired.actual_yuan - prior_year.actual_yuan as decimal(20, 2)) as actual_change_yuan,
        cast(paired.published_budget_yuan - prior_year.published_budget_yuan as decimal(20, 2)) as budget_change_yuan
    from paired
    inner join department_years
        on paired.department_id = department_years.department_id and paired.fiscal_year = department_years.fiscal_year
    left join departments on paired.department_id = departments.department_id
    left join codes on paired.function_code = codes.function_code
    left join stated
        on
            department_years.final_accounts_document_id = stated.document_id
            and paired.fund_scope = stated.fund_scope
            and paired.function_code = stated.function_code
    left join prior_year
        on
            paired.department_id = prior_year.department_id
            and paired.fiscal_year = prior_year.fiscal_year
            and paired.fund_scope = prior_year.fund_scope
            and paired.function_code = prior_year.function_code
)

select * from final
