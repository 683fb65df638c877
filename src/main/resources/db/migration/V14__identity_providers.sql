-- Identity providers (social and enterprise accounts) per tenant. Portable SQL: runs unchanged on
-- H2 and PostgreSQL. The client secret is stored only sealed (AES-256-GCM envelope, bound to the
-- row's id); the kind-specific settings (endpoints, scopes, claim mapping, domain hint) are one
-- JSON document.
create table identity_provider (
    id                   uuid          primary key,
    tenant_id            uuid          not null references tenant (id),
    name                 varchar(64)   not null,
    name_key             varchar(64)   not null,
    kind                 varchar(32)   not null,
    display_name         varchar(256)  not null,
    client_id            varchar(512)  not null,
    sealed_client_secret varchar(8000),
    settings             varchar(16000) not null,
    enabled              boolean       not null,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);
create unique index identity_provider_name_uk on identity_provider (tenant_id, name_key);
