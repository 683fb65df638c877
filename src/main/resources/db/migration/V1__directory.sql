-- Directory model. Portable SQL: runs unchanged on H2 and PostgreSQL.

create table tenant (
    id           uuid         primary key,
    name         varchar(64)  not null,
    display_name varchar(256) not null,
    created_at   timestamp with time zone not null
);
create unique index tenant_name_uk on tenant (name);

create table application (
    client_id    uuid          primary key,
    tenant_id    uuid          not null references tenant (id),
    display_name varchar(256)  not null,
    app_type     varchar(16)   not null,
    logout_url   varchar(2048),
    created_at   timestamp with time zone not null
);
create index application_tenant_ix on application (tenant_id);

create table application_redirect_uri (
    client_id uuid          not null references application (client_id) on delete cascade,
    uri       varchar(2048) not null,
    primary key (client_id, uri)
);

create table client_secret (
    id          uuid         primary key,
    client_id   uuid         not null references application (client_id) on delete cascade,
    secret_hash varchar(256) not null,
    hint        varchar(8)   not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone,
    revoked_at  timestamp with time zone
);
create index client_secret_client_ix on client_secret (client_id);

create table directory_user (
    object_id    uuid         primary key,
    tenant_id    uuid         not null references tenant (id),
    display_name varchar(256),
    given_name   varchar(256),
    surname      varchar(256),
    extensions   varchar(8000) not null,
    enabled      boolean      not null,
    created_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null
);
create index directory_user_tenant_ix on directory_user (tenant_id);

-- Identities: how a user signs in. Local ones carry the normalised email as issuer-assigned id.
create table user_identity (
    tenant_id          uuid         not null references tenant (id),
    object_id          uuid         not null references directory_user (object_id) on delete cascade,
    sign_in_type       varchar(32)  not null,
    issuer             varchar(256) not null,
    issuer_assigned_id varchar(512) not null,
    primary key (tenant_id, sign_in_type, issuer, issuer_assigned_id)
);
create index user_identity_user_ix on user_identity (object_id);

create table user_password (
    object_id     uuid         primary key references directory_user (object_id) on delete cascade,
    password_hash varchar(512) not null,
    changed_at    timestamp with time zone not null
);

-- A user flow is data: its steps' configuration lives in one JSON document, read on every run.
create table user_flow (
    id         uuid         primary key,
    tenant_id  uuid         not null references tenant (id),
    name       varchar(64)  not null,
    name_key   varchar(64)  not null,
    flow_type  varchar(32)  not null,
    definition varchar(16000) not null,
    version    integer      not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create unique index user_flow_name_uk on user_flow (tenant_id, name_key);
