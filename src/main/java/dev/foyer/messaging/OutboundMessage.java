package dev.foyer.messaging;

import java.time.Instant;
import java.util.UUID;

/** A stored message as a channel sees it. */
public record OutboundMessage(UUID id, UUID tenantId, ChannelType channel, String recipient, String subject,
                              String body, String purpose, Instant createdAt) {

    /** The message as it was enqueued, for {@link Channel#accepts(Message)}. */
    public Message toMessage() {
        return new Message(channel, recipient, subject, body, purpose);
    }

    /** The recipient with most characters hidden, fit for logs. */
    public String maskedRecipient() {
        return MaskedRecipient.of(recipient);
    }

    /** Leaves out the body and most of the recipient, so a stray log line leaks no codes. */
    @Override
    public String toString() {
        return "OutboundMessage[" + id + ", " + channel + " to " + maskedRecipient() + ", purpose=" + purpose + "]";
    }
}
