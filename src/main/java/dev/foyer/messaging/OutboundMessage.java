package dev.foyer.messaging;

import java.time.Instant;
import java.util.UUID;

/** A stored message as a channel sees it; {@code code} is the one-time code it carries, if any. */
public record OutboundMessage(UUID id, UUID tenantId, ChannelType channel, String recipient, String subject,
                              String body, String purpose, Instant createdAt, String code) {

    /** A stored message that carries no one-time code of its own. */
    public OutboundMessage(UUID id, UUID tenantId, ChannelType channel, String recipient, String subject,
                           String body, String purpose, Instant createdAt) {
        this(id, tenantId, channel, recipient, subject, body, purpose, createdAt, null);
    }

    /** The message as it was enqueued, for {@link Channel#accepts(Message)}. */
    public Message toMessage() {
        return new Message(channel, recipient, subject, body, purpose, code);
    }

    /** The recipient with most characters hidden, fit for logs. */
    public String maskedRecipient() {
        return MaskedRecipient.of(recipient);
    }

    /** Leaves out the body, the code and most of the recipient, so a stray log line leaks nothing. */
    @Override
    public String toString() {
        return "OutboundMessage[" + id + ", " + channel + " to " + maskedRecipient() + ", purpose=" + purpose + "]";
    }
}
