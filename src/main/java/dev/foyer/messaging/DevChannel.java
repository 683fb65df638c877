package dev.foyer.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to the log, for laptops and tests: the message counts as sent and stays readable in
 * the outbox table, which {@code /dev/outbox} shows. The only place that logs bodies and full
 * recipients. Real providers are always preferred over it.
 */
final class DevChannel implements Channel {

    private static final Logger log = LoggerFactory.getLogger(DevChannel.class);

    private final ChannelType type;

    DevChannel(ChannelType type) {
        this.type = type;
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
