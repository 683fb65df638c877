package dev.foyer.directory;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's password was changed (for example by a self-service reset), in the current tenant.
 * Published inside the transaction of the change; listeners end what the old password opened —
 * SSO sessions, refresh tokens — in that same transaction, so the change and the revocation commit
 * together or not at all.
 */
public record PasswordChanged(UUID objectId, Instant changedAt) {
}
