package dev.foyer.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.foyer.messaging.twilio.TwilioProperties;
import dev.foyer.messaging.twilio.TwilioSmsChannel;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;

/**
 * The dispatcher sending through the Twilio SMS channel to a stand-in Twilio, on a clock the test
 * moves: provider failures are retried after each backoff or, when refused for good, not at all;
 * each outcome is counted in {@code foyer.messages}.
 */
class TwilioDeliveryTests {

    private static final String SID = "AC00000000000000000000000000000001";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + SID + "/Messages.json";
    private static final String TO = "+447700900456";
    private static final String CODE = "770155";
    private static final RetrySchedule BACKOFF = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)));

    @RegisterExtension
    static final WireMockExtension twilio = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcClient jdbc;
    private JdbcOutbox outbox;
    private OutboxDispatcher dispatcher;
    private Tenant tenant;

    @BeforeEach
    void database() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        outbox = new JdbcOutbox(jdbc, clock, id -> { });
        tenant = TestTenants.create(jdbc);
        TwilioSmsChannel sms = new TwilioSmsChannel(new TwilioProperties(SID, "token", "+15005550006",
                twilio.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(5)));
        dispatcher = new OutboxDispatcher(jdbc, List.of(new DevChannel(ChannelType.SMS), sms), BACKOFF,
                Duration.ofMinutes(1), clock, meters);
    }

    @Test
    void deliverWhenTwilioAnswers5xxThenRetriesAfterBackoffAndSucceeds() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("second"));
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        twilio.stubFor(post(urlEqualTo(MESSAGES)).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\":\"SM1\"}")));
        UUID id = enqueue();

        dispatcher.dispatchDue();
        assertThat(requests()).isEqualTo(1);
        assertThat(OutboxRow.get(jdbc, id)).extracting(OutboxRow::status, OutboxRow::attempts)
                .containsExactly("PENDING", 1);
        assertThat(OutboxRow.get(jdbc, id).lastError()).contains("500").doesNotContain(TO, CODE);

        clock.advance(Duration.ofSeconds(4));
        dispatcher.dispatchDue();
        assertThat(requests()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        assertThat(requests()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(29));
        dispatcher.dispatchDue();
        assertThat(requests()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();

        assertThat(requests()).isEqualTo(3);
        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.deliveredBy()).isEqualTo("TwilioSmsChannel");
        assertThat(row.lastError()).isNull();
        assertThat(row.body()).isEmpty();
        assertThat(row.code()).isNull();
        assertThat(TenantContext.call(tenant, () -> outbox.state(id))).contains(DeliveryState.SENT);
        assertThat(messages("retried")).isEqualTo(2);
        assertThat(messages("sent")).isEqualTo(1);
        assertThat(messages("failed")).isZero();
    }

    @Test
    void deliverWhenTwilioRefusesWith4xxThenFailedAfterOneAttempt() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(400)
                .withBody("{\"code\": 21211, \"message\": \"The 'To' number " + TO + " is not valid.\"}")));
        UUID id = enqueue();

        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();

        assertThat(requests()).isEqualTo(1);
        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("TwilioSmsChannel: Twilio Messages to ***56 answered 400 (error 21211)");
        assertThat(TenantContext.call(tenant, () -> outbox.state(id))).contains(DeliveryState.FAILED);
        assertThat(messages("failed")).isEqualTo(1);
        assertThat(messages("sent") + messages("retried")).isZero();
    }

    @Test
    void deliverWhenRetriesRunOutThenCountsEachRetryAndOneFailure() {
        twilio.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(503)));
        UUID id = enqueue();

        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(5));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(30));
        dispatcher.dispatchDue();

        assertThat(requests()).isEqualTo(3);
        assertThat(OutboxRow.get(jdbc, id).status()).isEqualTo("FAILED");
        assertThat(messages("retried")).isEqualTo(2);
        assertThat(messages("failed")).isEqualTo(1);
        assertThat(messages("sent")).isZero();
    }

    /** {@code foyer.messages{channel=sms, outcome}} so far. */
    private double messages(String outcome) {
        var counter = meters.find("foyer.messages").tag("channel", "sms").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private UUID enqueue() {
        return TenantContext.call(tenant, () -> outbox.enqueue(
                new Message(ChannelType.SMS, TO, null, "Your code is " + CODE, "mfa-sms", CODE)));
    }

    private static int requests() {
        return twilio.findAll(postRequestedFor(urlEqualTo(MESSAGES))).size();
    }
}
