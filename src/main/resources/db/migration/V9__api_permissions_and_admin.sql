-- Scopes a confidential application may obtain with the client-credentials grant
-- (e.g. foyer.admin for automation of the system tenant).
create table application_scope (
    client_id uuid         not null references application (client_id) on delete cascade,
    scope     varchar(128) not null,
    primary key (client_id, scope)
);

-- Sessions of the admin portal (administrators of the system tenant), stored hashed.
create table admin_session (
    id_hash    varchar(64) primary key,
    object_id  uuid        not null references directory_user (object_id) on delete cascade,
    csrf_token varchar(64) not null,
    created_at timestamp with time zone not null,
    expires_at timestamp with time zone not null
);
