-- Token signing keys, per tenant. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- active_for holds the tenant id only while the key is the active one (null once retired), so the
-- unique index allows exactly one active key per tenant on both databases without a partial index.
create table signing_key (
    tenant_id    uuid          not null references tenant (id),
    kid          varchar(64)   not null,
    status       varchar(16)   not null,
    active_for   uuid,
    jwk          varchar(8000) not null,
    created_at   timestamp with time zone not null,
    retired_at   timestamp with time zone,
    retire_until timestamp with time zone,
    primary key (tenant_id, kid)
);
create unique index signing_key_active_uk on signing_key (active_for);
