/**
 * The dev outbox: the page {@code GET /dev/outbox} and its JSON {@code GET /dev/outbox/messages?to=}
 * (older name {@code /dev/outbox.json}), every tenant's latest messages with their bodies and
 * one-time codes, for developers and for scripts and tests that complete a flow. Answers only while
 * {@code foyer.messaging.dev-channel.enabled} is on. Reads the outbox table directly; depends only
 * on {@code dev.foyer.messaging}'s public types.
 */
package dev.foyer.messaging.dev;
