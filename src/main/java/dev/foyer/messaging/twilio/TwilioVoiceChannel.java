package dev.foyer.messaging.twilio;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.foyer.messaging.Channel;
import dev.foyer.messaging.ChannelType;
import dev.foyer.messaging.DeliveryException;
import dev.foyer.messaging.OutboundMessage;

/**
 * Places a call through the Calls resource of a Twilio-compatible API with inline TwiML that reads
 * the message's one-time code twice, digit by digit ("1, 2, 3": a text-to-speech voice would read
 * "123" as a number); a message without a code has its body read once.
 */
public final class TwilioVoiceChannel implements Channel {

    private final TwilioApi api;

    public TwilioVoiceChannel(TwilioProperties properties) {
        this(new TwilioApi(properties));
    }

    TwilioVoiceChannel(TwilioApi api) {
        this.api = api;
    }

    /** While {@code foyer.messaging.twilio.account-sid} is set. */
    @Override
    public boolean enabled() {
        return api.configured();
    }

    @Override
    public ChannelType type() {
        return ChannelType.VOICE;
    }

    @Override
    public void send(OutboundMessage message) throws DeliveryException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", message.recipient());
        form.put("From", api.fromNumber());
        form.put("Twiml", twiml(message.code(), message.body()));
        api.create("Calls", form, message.maskedRecipient());
    }

    /** What the call says: the code twice, or else the body. */
    static String twiml(String code, String body) {
        if (code == null || code.isBlank()) {
            return "<Response><Say>" + xml(body) + "</Say></Response>";
        }
        String spoken = code.strip().chars()
                .mapToObj(character -> xml(String.valueOf((char) character)))
                .collect(Collectors.joining(", "));
        return "<Response><Say>Your verification code is " + spoken + ".</Say><Pause length=\"1\"/>"
                + "<Say>Again, your code is " + spoken + ".</Say></Response>";
    }

    private static String xml(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char character : text.toCharArray()) {
            switch (character) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> escaped.append(character);
            }
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        return "TwilioVoiceChannel";
    }
}
