with source as (
    select * from {{ landing_table('raw_narrative_claims') }}
),

final as (
    select
        document_id,
        form,
        source_page,
        source_line,
        raw_text as sentence,
        claim_no,
        -- the key of the claim's checks: line and subject; a second claim of the same subject on
        -- the same line gets #2 (the first keeps the plain key the register knows)
        'narrative|' || source_line || '|' || subject_key || coalesce(':' || function_code, '')
        || case
            when row_number() over same_subject_on_line > 1
                then '#' || row_number() over same_subject_on_line
            else ''
        end as claim_key,
        topic,
        subject_key,
        subject_label,
        class_name,
        section_name,
        item_name,
        function_code,
        code_match,
        code_form,
        money_unit,
        {{ yuan_per_unit('money_unit') }} as yuan_per_unit,
        {{ printed_figure('amount') }},
        {{ printed_figure('initial_budget') }},
        {{ printed_figure('adjusted_budget') }},
        {{ printed_figure('actual') }},
        {{ printed_figure('change_amount') }},
        {{ printed_figure('change_percent') }},
        change_basis,
        {{ printed_figure('share_percent') }},
        share_base,
        {{ printed_figure('completion_percent') }},
        cast(quantity as decimal(18, 4)) as quantity,
        quantity_unit,
        stated_reason,
        completion_basis,
        stated_comparison,
        {{ printed_figure('prior_amount') }}
    from source
    window same_subject_on_line as (partition by document_id, source_line, subject_key, function_code order by claim_no)
)

select * from final
