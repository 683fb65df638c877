package dev.foyer.messaging;

/**
 * How delivery of one message stands, as callers of the {@link Outbox} see it. A message being
 * sent right now is still {@link #PENDING}: it may yet fail and be retried.
 */
public enum DeliveryState {
    /** Waiting for its first attempt or a retry, or being sent. */
    PENDING,
    /** A channel took it. */
    SENT,
    /** Every allowed attempt failed, or the provider refused it for good; it will not be sent. */
    FAILED;

    static DeliveryState ofStatus(String status) {
        return switch (status) {
            case "PENDING", "SENDING" -> PENDING;
            case "SENT" -> SENT;
            case "FAILED" -> FAILED;
            default -> throw new IllegalStateException("unknown outbox status " + status);
        };
    }
}
