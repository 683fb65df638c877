-- Messaging outbox. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- A row is written in the same transaction as the state change that needs it; dispatchers on any
-- node claim due rows (status + claimed_until + claim_token), send them, and record the outcome.

create table outbox_message (
    id              uuid          primary key,
    tenant_id       uuid          not null references tenant (id),
    channel         varchar(8)    not null,
    recipient       varchar(320)  not null,
    subject         varchar(998),
    body            varchar(16000) not null,
    purpose         varchar(64)   not null,
    status          varchar(8)    not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    claim_token     uuid,
    delivered_by    varchar(64),
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index outbox_message_due_ix on outbox_message (status, next_attempt_at);
create index outbox_message_recipient_ix on outbox_message (recipient, created_at);
create index outbox_message_tenant_ix on outbox_message (tenant_id, created_at);
