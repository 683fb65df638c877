package dev.foyer.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which events to read from the current tenant's log, newest first. Every filter is optional.
 *
 * @param from   events at or after this instant
 * @param to     events before this instant
 * @param userId events whose subject is this user
 * @param type   events of this type
 * @param limit  at most this many events: 1 to 1000; 0 means {@value #DEFAULT_LIMIT}
 * @param before paging cursor: only events older than this event (the last of the previous page);
 *               an id the current tenant's log does not hold yields no events
 */
public record AuditQuery(Instant from, Instant to, UUID userId, String type, int limit, UUID before) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        if (limit == 0) {
            limit = DEFAULT_LIMIT;
        }
        if (limit < 0 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("The limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("The time range starts after it ends");
        }
    }

    /** The newest {@value #DEFAULT_LIMIT} events of any type. */
    public static AuditQuery newest() {
        return new AuditQuery(null, null, null, null, DEFAULT_LIMIT, null);
    }

    public AuditQuery since(Instant from) {
        return new AuditQuery(from, to, userId, type, limit, before);
    }

    public AuditQuery until(Instant to) {
        return new AuditQuery(from, to, userId, type, limit, before);
    }

    public AuditQuery forUser(UUID userId) {
        return new AuditQuery(from, to, userId, type, limit, before);
    }

    public AuditQuery ofType(String type) {
        return new AuditQuery(from, to, userId, type, limit, before);
    }

    public AuditQuery limitedTo(int limit) {
        return new AuditQuery(from, to, userId, type, limit, before);
    }

    public AuditQuery olderThan(UUID eventId) {
        return new AuditQuery(from, to, userId, type, limit, eventId);
    }
}
