/**
 * Token signing keys: each tenant's RS256 key pair, created on first use, rotated on demand and
 * published (active key plus recently retired ones) for relying parties to verify tokens.
 * {@link dev.foyer.keys.SigningKeys} is the one entry point: it reads through a short in-memory
 * cache to the {@code SigningKeyStore} port, whose JDBC adapter stamps and filters every row with
 * the tenant from {@link dev.foyer.tenant.TenantContext}; a unique index on the active key makes
 * concurrent first use on several threads or nodes end with one active key. A row keeps the public
 * JWK readable and the private JWK only sealed by {@link dev.foyer.secrets.SecretBox}, bound to its
 * tenant and kid; {@code SigningKeySealing} seals older plain-text rows and re-seals rows of a
 * previous secrets key at start. Keys are opened when the cache loads, never per token.
 * Depends on {@code tenant} and {@code secrets} only.
 */
package dev.foyer.keys;
