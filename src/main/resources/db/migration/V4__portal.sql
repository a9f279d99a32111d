-- Public portal: a repeated submission with the same Idempotency-Key returns the first result.
create table portal_idempotency (
    idempotency_key varchar(100) primary key,
    process_key     varchar(64)  not null,
    request_hash    varchar(64)  not null,
    tracking_code   varchar(20)  not null,
    created_at      timestamp    not null
);
