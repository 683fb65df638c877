package dev.foyer.keys;

import java.time.Instant;

/**
 * A published signing key as administrators see it: no key material.
 *
 * @param status         {@code ACTIVE} (signs new tokens) or {@code RETIRED} (verifies older ones)
 * @param publishedUntil when a retired key leaves the key set; null for the active key
 */
public record PublishedKey(String kid, Instant createdAt, String status, Instant publishedUntil) {
}
