-- A user's identities are read on every sign-in and token grant by (tenant_id, object_id). With only
-- the primary key (tenant_id, ...) and the index on object_id alone, H2 chose the primary key and
-- read every identity of the tenant for each lookup; this index answers the lookup directly. The
-- index on object_id stays for the cascade from directory_user.
create index user_identity_tenant_user_ix on user_identity (tenant_id, object_id);
