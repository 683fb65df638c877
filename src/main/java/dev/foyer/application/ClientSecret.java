package dev.foyer.application;

import java.time.Instant;
import java.util.UUID;

/** A client secret as it can be shown after issue: its id, first characters and dates, never the secret. */
public record ClientSecret(UUID id, String hint, Instant createdAt, Instant expiresAt, boolean revoked) {
}
