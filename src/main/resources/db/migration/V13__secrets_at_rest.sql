-- Secrets at rest. Portable SQL: runs unchanged on H2 and PostgreSQL.
-- A signing key's jwk now holds only its public part; the private JWK is stored sealed
-- (AES-256-GCM envelope "v1.<key id>.<nonce>.<ciphertext>") in sealed_private_jwk. Rows written
-- before have it null and their private JWK in jwk: the server seals them at its next start.
alter table signing_key add column sealed_private_jwk varchar(8000);

-- A message that is final keeps its body and one-time code only when the dev channel sent it (the
-- dev outbox page shows them); failed messages and those real providers sent lose them.
update outbox_message set body = '', code = null
where status = 'FAILED' or (status = 'SENT' and delivered_by <> 'dev');
