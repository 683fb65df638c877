package dev.foyer.messaging;

/**
 * One provider that can deliver one type of message (an SMTP server, an SMS gateway, ...).
 * Channels are discovered as beans; the dispatcher sends through the first one whose type matches
 * and that accepts the message, with real providers ahead of the dev channel.
 */
public interface Channel {

    ChannelType type();

    /**
     * Whether the configuration the server started with turns this channel on. Every channel is a
     * bean whatever the configuration, so that a build processed ahead of time (Spring AOT), whose
     * beans are fixed, still follows the configuration it starts with; the dispatcher uses only
     * the enabled ones.
     */
    default boolean enabled() {
        return true;
    }

    /** Lets a channel decline some messages (a region, a purpose) so a later one can take them. */
    default boolean accepts(Message message) {
        return true;
    }

    /** Delivers the message or throws; a throw is recorded and retried with backoff. */
    void send(OutboundMessage message) throws DeliveryException;
}
