/**
 * SMS and voice through a Twilio-compatible REST API: {@code TwilioSmsChannel} posts to the
 * Messages resource, {@code TwilioVoiceChannel} places a call through the Calls resource with
 * TwiML that reads the one-time code out twice, digit by digit. Both exist only when
 * {@code foyer.messaging.twilio.account-sid} is set, and then the dev channel takes no SMS or voice.
 * {@code TwilioApi} turns the provider's answers into delivery outcomes: 2xx sent; 5xx, 429, 408,
 * timeouts and I/O errors retried; any other refusal permanent. Error texts name the resource, the
 * status and the masked number, never the full number, the body or the code. Depends only on
 * {@code dev.foyer.messaging}'s public types.
 */
package dev.foyer.messaging.twilio;
