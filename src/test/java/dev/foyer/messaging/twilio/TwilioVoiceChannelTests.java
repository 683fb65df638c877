package dev.foyer.messaging.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.foyer.messaging.twilio.TwilioWireMock.FROM;
import static dev.foyer.messaging.twilio.TwilioWireMock.SID;
import static dev.foyer.messaging.twilio.TwilioWireMock.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.foyer.messaging.ChannelType;
import dev.foyer.messaging.DeliveryException;
import dev.foyer.messaging.OutboundMessage;

class TwilioVoiceChannelTests {

    private static final String CALLS = "/2010-04-01/Accounts/" + SID + "/Calls.json";
    private static final String TO = "+14155550142";

    @RegisterExtension
    static final WireMockExtension twilio = TwilioWireMock.extension();

    private final TwilioVoiceChannel channel = new TwilioVoiceChannel(TwilioWireMock.properties(twilio));

    @Test
    void sendWhenMessageCarriesCodeThenCallsWithTwimlReadingItTwiceDigitByDigit() throws Exception {
        twilio.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"CA1\"}")));

        channel.send(call("Your code is 123456", "123456"));

        List<LoggedRequest> requests = twilio.findAll(postRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getUrl()).isEqualTo(CALLS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(TwilioWireMock.form(request)).containsExactly(
                entry("To", TO),
                entry("From", FROM),
                entry("Twiml", "<Response><Say>Your verification code is 1, 2, 3, 4, 5, 6.</Say>"
                        + "<Pause length=\"1\"/><Say>Again, your code is 1, 2, 3, 4, 5, 6.</Say></Response>"));
    }

    @Test
    void twimlWhenCodeHoldsMarkupCharactersThenTheyAreEscaped() {
        assertThat(TwilioVoiceChannel.twiml("7<&>", "ignored")).isEqualTo(
                "<Response><Say>Your verification code is 7, &lt;, &amp;, &gt;.</Say><Pause length=\"1\"/>"
                        + "<Say>Again, your code is 7, &lt;, &amp;, &gt;.</Say></Response>");
    }

    @Test
    void sendWhenMessageHasNoCodeThenCallSaysTheBodyEscaped() throws Exception {
        twilio.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(201)));

        channel.send(call("Contoso & \"Fabrikam\" <notice>", null));

        LoggedRequest request = twilio.findAll(postRequestedFor(urlEqualTo(CALLS))).get(0);
        assertThat(TwilioWireMock.form(request)).containsEntry("Twiml",
                "<Response><Say>Contoso &amp; &quot;Fabrikam&quot; &lt;notice&gt;</Say></Response>");
    }

    @Test
    void sendWhenCallIsRefusedWith4xxThenPermanentFailureNamingNeitherNumberNorCode() {
        twilio.stubFor(post(urlEqualTo(CALLS)).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\": 13224, \"message\": \"" + TO + " is not a valid phone number\"}")));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class,
                () -> channel.send(call("Your code is 654321", "654321")));

        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure.getMessage()).contains("Calls", "400", "13224", "***42").doesNotContain(TO, "654321");
    }

    private static OutboundMessage call(String body, String code) {
        return new OutboundMessage(UUID.randomUUID(), UUID.randomUUID(), ChannelType.VOICE, TO, null, body,
                "mfa-voice", Instant.now(), code);
    }
}
