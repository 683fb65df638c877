-- Per-tenant settings that override server-wide defaults (e.g. one-time code rules), one JSON
-- document per setting name.
create table tenant_setting (
    tenant_id  uuid          not null references tenant (id) on delete cascade,
    name       varchar(64)   not null,
    setting_value varchar(8000) not null,
    updated_at timestamp with time zone not null,
    primary key (tenant_id, name)
);
