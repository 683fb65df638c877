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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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

class TwilioSmsChannelTests {

    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String TO = "+447700900123";
    private static final String CODE = "482916";

    @RegisterExtension
    static final WireMockExtension twilio = TwilioWireMock.extension();

    private final TwilioSmsChannel channel = new TwilioSmsChannel(TwilioWireMock.properties(twilio));

    @Test
    void sendWhenTwilioAcceptsThenPostsToAndFromAndBodyToMessagesWithBasicAuth() throws Exception {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\":\"SM123\",\"status\":\"queued\"}")));

        channel.send(sms("Your Contoso code is 482916 & expires in 10 minutes"));

        List<LoggedRequest> requests = twilio.findAll(postRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getUrl()).isEqualTo(MESSAGES);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(TwilioWireMock.form(request)).containsExactly(
                entry("To", TO),
                entry("From", FROM),
                entry("Body", "Your Contoso code is 482916 & expires in 10 minutes"));
    }

    @Test
    void sendWhenTwilioRefusesWith4xxThenPermanentFailureNamingNeitherNumberNorCode() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 21211, \"message\": \"The 'To' number " + TO + " is not a valid phone number.\","
                        + " \"status\": 400}")));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> channel.send(sms(body())));

        assertThat(failure.isPermanent()).isTrue();
        assertThat(failure.getMessage()).contains("Messages", "400", "21211", "***23")
                .doesNotContain(TO, TO.substring(1), CODE, TOKEN);
    }

    @Test
    void sendWhenTwilioAnswers5xxThenTransientFailure() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> channel.send(sms(body())));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.getMessage()).contains("503").doesNotContain(TO, CODE);
    }

    @Test
    void sendWhenTwilioAnswers429ThenTransientFailure() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(429)
                .withBody("{\"code\": 20429, \"message\": \"Too Many Requests\"}")));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> channel.send(sms(body())));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.getMessage()).contains("429", "20429");
    }

    @Test
    void sendWhenTwilioAnswersTooSlowlyThenTransientFailure() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201).withFixedDelay(3_000)));
        TwilioSmsChannel impatient = new TwilioSmsChannel(TwilioWireMock.properties(twilio, Duration.ofMillis(200)));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> impatient.send(sms(body())));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.getMessage()).contains("Timeout").doesNotContain(TO, CODE);
    }

    @Test
    void sendWhenNothingListensThenTransientFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioSmsChannel unreachable = new TwilioSmsChannel(new TwilioProperties(SID, TOKEN, FROM,
                "http://127.0.0.1:" + closedPort, Duration.ofSeconds(2), Duration.ofSeconds(2)));

        DeliveryException failure = catchThrowableOfType(DeliveryException.class, () -> unreachable.send(sms(body())));

        assertThat(failure.isPermanent()).isFalse();
        assertThat(failure.getMessage()).doesNotContain(TO, CODE);
    }

    @Test
    void newChannelWhenNoAccountIsSetThenDisabledAndSendsNothing() {
        TwilioSmsChannel unconfigured = new TwilioSmsChannel(new TwilioProperties("", null, null,
                twilio.baseUrl(), null, null));

        assertThat(unconfigured.enabled()).isFalse();
        assertThatThrownBy(() -> unconfigured.send(sms(body()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("account-sid");
        assertThat(twilio.findAll(postRequestedFor(anyUrl()))).isEmpty();
        assertThat(channel.enabled()).isTrue();
    }

    @Test
    void newChannelWhenTokenOrFromNumberMissingThenFailsNamingTheKeys() {
        assertThatThrownBy(() -> new TwilioSmsChannel(new TwilioProperties(SID, " ", null, null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("auth-token")
                .hasMessageContaining("from-number");
    }

    @Test
    void propertiesWhenBaseUrlIsBlankThenTwilioItself() {
        TwilioProperties properties = new TwilioProperties(SID, TOKEN, FROM, "", null, null);

        assertThat(properties.baseUrl()).isEqualTo("https://api.twilio.com");
        assertThat(properties.toString()).doesNotContain(TOKEN);
    }

    private static String body() {
        return "Your code is " + CODE;
    }

    private static OutboundMessage sms(String body) {
        return new OutboundMessage(UUID.randomUUID(), UUID.randomUUID(), ChannelType.SMS, TO, null, body,
                "mfa-sms", Instant.now(), CODE);
    }
}
