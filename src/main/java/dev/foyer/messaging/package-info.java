/**
 * Outbound email, SMS and voice. Features hand a {@link dev.foyer.messaging.Message} to the
 * {@link dev.foyer.messaging.Outbox} inside the transaction that changes their state; the JDBC
 * outbox stores it stamped with the tenant in scope and, once that transaction commits, nudges the
 * {@code OutboxDispatcher}, which also polls for whatever is left (retries, nodes that died). The
 * dispatcher claims each row with a compare-and-set update so that any number of nodes can run,
 * sends it through the first {@link dev.foyer.messaging.Channel} bean of its type that accepts it
 * (real providers such as SMTP and Twilio, {@code dev.foyer.messaging.twilio}, ahead of the dev
 * channel), and records the delivery: SENT, retried with backoff until FAILED, or FAILED at once
 * when the provider refuses it for good. A final message loses its body and one-time code, except
 * one the dev channel sent (its page shows them; the dev channel is off in production). Callers
 * learn the outcome through {@link dev.foyer.messaging.Outbox#state}. The dev channel and the
 * {@code /dev/outbox} page ({@code dev.foyer.messaging.dev}) make every message readable on a
 * laptop and in tests.
 * Depends only on {@code dev.foyer.tenant}.
 */
package dev.foyer.messaging;
