package dev.foyer.messaging.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.foyer.messaging.Channel;
import dev.foyer.messaging.ChannelType;
import dev.foyer.messaging.DeliveryException;
import dev.foyer.messaging.OutboundMessage;

/** Sends SMS through the Messages resource of a Twilio-compatible API: the body, as it is. */
public final class TwilioSmsChannel implements Channel {

    private final TwilioApi api;

    public TwilioSmsChannel(TwilioProperties properties) {
        this(new TwilioApi(properties));
    }

    TwilioSmsChannel(TwilioApi api) {
        this.api = api;
    }

    /** While {@code foyer.messaging.twilio.account-sid} is set. */
    @Override
    public boolean enabled() {
        return api.configured();
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.recipient());
        form.put("From", api.fromNumber());
        form.put("Body", message.body());
        api.create("Messages", form, message.maskedRecipient());
    }

    @Override
    public String toString() {
        return "TwilioSmsChannel";
    }
}
