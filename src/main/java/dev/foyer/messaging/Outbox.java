package dev.foyer.messaging;

import java.util.Optional;
import java.util.UUID;

/**
 * Port: hands a message over for delivery. The message is stored in the caller's transaction, so
 * it is sent if and only if that transaction commits; delivery happens afterwards, with retries.
 */
public interface Outbox {

    /** Queues {@code message} for the tenant in scope and returns the id of its outbox row. */
    UUID enqueue(Message message);

    /**
     * How delivery of a message of the tenant in scope stands, so a step can tell the user that a
     * code could not be sent; empty for an unknown id or another tenant's message.
     */
    Optional<DeliveryState> state(UUID messageId);
}
