-- The periodic cleanups delete by expiry, and the grants' cleanup looks for codes and refresh tokens
-- by grant: without these indexes each pass read whole tables, on every node, every ten minutes
-- (refresh tokens are kept until they expire, rotated ones too, so that table is the largest).
-- PostgreSQL does not index a foreign key by itself: authorization_code (grant_id) also serves
-- the cascade when a grant is deleted. H2 does index every foreign key; V18 drops the copies there.
create index authorization_code_expiry_ix on authorization_code (expires_at);
create index authorization_code_grant_ix on authorization_code (grant_id);
create index refresh_token_expiry_ix on refresh_token (expires_at);
create index oauth_grant_created_ix on oauth_grant (created_at);
create index sso_session_expiry_ix on sso_session (expires_at);
create index admin_session_expiry_ix on admin_session (expires_at);
