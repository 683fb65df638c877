package dev.foyer.messaging;

import java.util.Objects;

/**
 * What a feature asks to send. The tenant is not part of it: the outbox stamps the tenant in scope.
 *
 * @param channel   how to reach the recipient
 * @param recipient an email address or an E.164 phone number
 * @param subject   the email subject; {@code null} for SMS and voice
 * @param body      the text to send (spoken for voice)
 * @param purpose   a short stable label for delivery records and filtering, e.g.
 *                  {@code email-verification}
 */
public record Message(ChannelType channel, String recipient, String subject, String body, String purpose) {

    public Message {
        Objects.requireNonNull(channel, "channel");
        requireText(recipient, "recipient");
        requireText(body, "body");
        requireText(purpose, "purpose");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Leaves out the body and most of the recipient, so a stray log line leaks no codes. */
    @Override
    public String toString() {
        return "Message[" + channel + " to " + MaskedRecipient.of(recipient) + ", purpose=" + purpose + "]";
    }
}
