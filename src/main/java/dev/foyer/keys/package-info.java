/**
 * Token signing keys: each tenant's RS256 key pair, created on first use, rotated on demand and
 * published (active key plus recently retired ones) for relying parties to verify tokens.
 * {@link dev.foyer.keys.SigningKeys} is the one entry point: it reads through a short in-memory
 * cache to the {@code SigningKeyStore} port, whose JDBC adapter stamps and filters every row with
 * the tenant from {@link dev.foyer.tenant.TenantContext}; a unique index on the active key makes
 * concurrent first use on several threads or nodes end with one active key. Private keys are
 * stored as plain JWK JSON for now; encrypting them at rest is a separate, later change.
 * Depends on {@code tenant} only.
 */
package dev.foyer.keys;
