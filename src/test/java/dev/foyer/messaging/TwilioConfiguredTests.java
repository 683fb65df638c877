package dev.foyer.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import dev.foyer.messaging.twilio.TwilioSmsChannel;
import dev.foyer.messaging.twilio.TwilioVoiceChannel;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import tools.jackson.databind.JsonNode;

/** With a Twilio account configured, SMS and voice go to Twilio and not to the dev channel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foyer.data-dir=./target/test-data/${random.uuid}",
        "foyer.messaging.twilio.account-sid=AC00000000000000000000000000000002",
        "foyer.messaging.twilio.auth-token=token",
        "foyer.messaging.twilio.from-number=+15005550006"})
class TwilioConfiguredTests {

    private static final String ACCOUNT = "/2010-04-01/Accounts/AC00000000000000000000000000000002";

    @RegisterExtension
    static final WireMockExtension twilio = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @DynamicPropertySource
    static void twilioBaseUrl(DynamicPropertyRegistry registry) {
        registry.add("foyer.messaging.twilio.base-url", twilio::baseUrl);
    }

    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void contextWhenTwilioIsConfiguredThenTwilioTakesSmsAndVoiceAndDevChannelOnlyEmail() {
        assertThat(dispatcher.channels()).hasAtLeastOneElementOfType(TwilioSmsChannel.class)
                .hasAtLeastOneElementOfType(TwilioVoiceChannel.class);
        assertThat(dispatcher.channels()).filteredOn(channel -> channel instanceof DevChannel)
                .extracting(Channel::type).containsExactly(ChannelType.EMAIL);
    }

    @Test
    void sendWhenTwilioIsConfiguredThenSmsReachesTwilioAndItsTextIsNotKept() {
        twilio.stubFor(post(urlEqualTo(ACCOUNT + "/Messages.json")).willReturn(aResponse().withStatus(201)));
        Tenant tenant = TestTenants.create(jdbc);
        String to = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));

        UUID id = TenantContext.call(tenant, () -> outbox.enqueue(
                new Message(ChannelType.SMS, to, null, "Your code is 161803", "mfa-sms", "161803")));

        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRow.get(jdbc, id).status().equals("SENT"));
        assertThat(twilio.findAll(postRequestedFor(urlEqualTo(ACCOUNT + "/Messages.json")))).hasSize(1);
        assertThat(OutboxRow.get(jdbc, id).deliveredBy()).isEqualTo("TwilioSmsChannel");
        JsonNode entry = new DevOutboxHttp(port).entriesTo(to).get(0);
        assertThat(entry.get("body").asString()).isEmpty();
        assertThat(entry.get("code").isNull()).isTrue();
    }
}
