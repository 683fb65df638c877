/**
 * The dev outbox page ({@code GET /dev/outbox} and {@code /dev/outbox.json}): every tenant's
 * latest messages, bodies included, for developers and for tests that read one-time codes. Exists
 * only while {@code foyer.messaging.dev-channel.enabled} is on. Reads the outbox table directly;
 * depends only on {@code dev.foyer.messaging}'s public types.
 */
package dev.foyer.messaging.dev;
