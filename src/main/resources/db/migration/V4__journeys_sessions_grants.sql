-- Server-side state of journeys, SSO sessions and OAuth grants: any node can serve any request.
-- Secrets (journey ids, session ids, codes, refresh tokens) are stored only as SHA-256 hashes.

create table journey (
    id_hash    varchar(64)    primary key,
    tenant_id  uuid           not null references tenant (id),
    state      varchar(32000) not null,
    version    integer        not null,
    expires_at timestamp with time zone not null
);
create index journey_expiry_ix on journey (expires_at);

create table sso_session (
    id_hash    varchar(64)   primary key,
    tenant_id  uuid          not null references tenant (id),
    object_id  uuid          not null references directory_user (object_id) on delete cascade,
    factors    varchar(4000) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
create index sso_session_user_ix on sso_session (object_id);

-- A grant: what one authorization (one code) produced. Revoking it kills its refresh tokens and
-- its access tokens at the userinfo endpoint.
create table oauth_grant (
    id         uuid         primary key,
    tenant_id  uuid         not null references tenant (id),
    client_id  uuid         not null references application (client_id) on delete cascade,
    object_id  uuid         not null references directory_user (object_id) on delete cascade,
    flow_id    uuid         not null references user_flow (id) on delete cascade,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone,
    revoked_reason varchar(64)
);
create index oauth_grant_user_ix on oauth_grant (object_id);

create table authorization_code (
    code_hash   varchar(64)   primary key,
    grant_id    uuid          not null references oauth_grant (id) on delete cascade,
    tenant_id   uuid          not null references tenant (id),
    request     varchar(8000) not null,
    expires_at  timestamp with time zone not null,
    redeemed_at timestamp with time zone
);

create table refresh_token (
    token_hash  varchar(64)   primary key,
    grant_id    uuid          not null references oauth_grant (id) on delete cascade,
    tenant_id   uuid          not null references tenant (id),
    claims      varchar(8000) not null,
    issued_at   timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    family_expires_at timestamp with time zone,
    rotated_at  timestamp with time zone
);
create index refresh_token_grant_ix on refresh_token (grant_id);
