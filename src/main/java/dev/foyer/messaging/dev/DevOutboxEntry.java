package dev.foyer.messaging.dev;

import java.time.Instant;
import java.util.UUID;

import dev.foyer.messaging.ChannelType;

/**
 * One outbox row as the dev outbox page and its JSON show it, body and one-time code included
 * ({@code code} is null when the message carries none, body and code are empty once a real
 * provider delivered the message).
 */
public record DevOutboxEntry(UUID id, UUID tenantId, ChannelType channel, String to, String subject, String body,
                             String code, String purpose, String status, int attempts, String lastError, Instant createdAt,
                             Instant sentAt) {
}
