with source as (
    select * from {{ source('build_state', 'documents_to_build') }}
),

final as (
    select document_id
    from source
)

select * from final
