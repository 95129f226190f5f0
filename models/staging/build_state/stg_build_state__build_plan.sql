with source as (
    select * from {{ source('build_state', 'build_plan') }}
),

final as (
    select
        mode as build_mode,
        reason as plan_reason,
        fingerprint as project_fingerprint
    from source
)

select * from final
