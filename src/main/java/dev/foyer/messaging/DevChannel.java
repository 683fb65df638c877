package dev.foyer.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to the log, for laptops and tests: the message counts as sent and stays readable in
 * the outbox table, which {@code /dev/outbox} shows. The only place that logs bodies and full
 * recipients. A type that a real provider serves never reaches it.
 */
final class DevChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(DevChannel.class);

    private final ChannelType type;
    private final boolean enabled;

    DevChannel(ChannelType type) {
        this(type, true);
    }

    DevChannel(ChannelType type, boolean enabled) {
        this.type = type;
        this.enabled = enabled;
    }

    /** While {@code foyer.messaging.dev-channel.enabled} is on (the default). */
    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public ChannelType type() {
        return type;
    }

    @Override
    public void send(OutboundMessage message) {
        log.info("[dev outbox] to={} subject={} body={}", message.recipient(), message.subject(), message.body());
    }

    @Override
    public String toString() {
        return "DevChannel[" + type + "]";
    }
}
