/**
 * Secrets at rest: values Foyer must read back later (signing keys' private parts; later TOTP
 * seeds and upstream identity providers' client secrets) are stored only sealed by
 * {@link dev.foyer.secrets.SecretBox} — AES-256-GCM with a fresh nonce per value, bound through
 * the associated data to what the value is and which row holds it, in a versioned text envelope
 * that names the key by id. The key comes from {@code foyer.secrets.key}, with
 * {@code foyer.secrets.previous-keys} still read during a rotation; without one, a key is generated
 * once into an owner-only file under {@code foyer.data-dir} (fine for one machine, never for several
 * nodes on one database). Features seal on write and open on read; each feature re-seals its own
 * rows under the current key at start. Depends on nothing else in Foyer.
 */
package dev.foyer.secrets;
