-- Custom user attributes a tenant defines (B2C "user attributes"): users keep the values in
-- directory_user.extensions under extension_<name>; flows collect and return them.
create table user_attribute (
    tenant_id   uuid         not null references tenant (id) on delete cascade,
    name        varchar(64)  not null,
    name_key    varchar(64)  not null,
    data_type   varchar(16)  not null,
    description varchar(256),
    created_at  timestamp with time zone not null,
    primary key (tenant_id, name_key)
);
