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
 * @param code      the one-time code the body carries, if any (at most {@value #MAX_CODE_LENGTH}
 *                  characters), so a voice channel can read it out digit by digit and the dev
 *                  outbox can show it on its own; {@code null} when there is none
 */
public record Message(ChannelType channel, String recipient, String subject, String body, String purpose,
                      String code) {

    public static final int MAX_CODE_LENGTH = 16;

    public Message {
        Objects.requireNonNull(channel, "channel");
        requireText(recipient, "recipient");
        requireText(body, "body");
        requireText(purpose, "purpose");
        if (code != null && (code.isBlank() || code.length() > MAX_CODE_LENGTH)) {
            throw new IllegalArgumentException("code must be 1 to " + MAX_CODE_LENGTH + " characters");
        }
    }

    /** A message that carries no one-time code of its own. */
    public Message(ChannelType channel, String recipient, String subject, String body, String purpose) {
        this(channel, recipient, subject, body, purpose, null);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** Leaves out the body, the code and most of the recipient, so a stray log line leaks nothing. */
    @Override
    public String toString() {
        return "Message[" + channel + " to " + MaskedRecipient.of(recipient) + ", purpose=" + purpose + "]";
    }
}
