package dev.foyer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;

/** Failed attempts in a running server: recorded, retried by the poll after each backoff. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foyer.data-dir=./target/test-data/${random.uuid}",
        "foyer.messaging.poll-interval=50ms",
        "foyer.messaging.retry-backoff=200ms,400ms,200ms,200ms"})
class OutboxRetryTests {

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FlakyChannel flaky;

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbc);
    }

    @Test
    void deliverWhenChannelFailsTwiceThenRetriesAfterBackoffAndSucceeds() {
        UUID id = enqueue("flaky");

        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRow.get(jdbc, id).status().equals("SENT"));

        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).isNull();
        assertThat(row.deliveredBy()).isEqualTo("FlakyChannel");
        List<Instant> attempts = flaky.attemptsFor(id);
        assertThat(attempts).hasSize(3);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(attempts.get(1), attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void deliverWhenChannelNeverSucceedsThenFailsAfterTheLastBackoff() {
        UUID id = enqueue("doomed");

        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxRow.get(jdbc, id).status().equals("FAILED"));

        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.attempts()).isEqualTo(5);
        assertThat(row.lastError()).isEqualTo("FlakyChannel: gateway said no");
        assertThat(flaky.attemptsFor(id)).hasSize(5);
    }

    private UUID enqueue(String purpose) {
        return TenantContext.call(tenant, () ->
                outbox.enqueue(new Message(ChannelType.SMS, "+15550001111", null, "Your code is 999999", purpose)));
    }

    /** Fails "flaky" messages twice before sending them, and "doomed" ones always. */
    static class FlakyChannel implements Channel {
        private final List<Attempt> attempts = new CopyOnWriteArrayList<>();

        record Attempt(UUID id, Instant at) {
        }

        @Override
        public ChannelType type() {
            return ChannelType.SMS;
        }

        @Override
        public boolean accepts(Message message) {
            return message.purpose().equals("flaky") || message.purpose().equals("doomed");
        }

        @Override
        public void send(OutboundMessage message) throws DeliveryException {
            attempts.add(new Attempt(message.id(), Instant.now()));
            if (message.purpose().equals("doomed") || attemptsFor(message.id()).size() <= 2) {
                throw new DeliveryException("gateway said no");
            }
        }

        List<Instant> attemptsFor(UUID id) {
            return attempts.stream().filter(attempt -> attempt.id().equals(id)).map(Attempt::at).toList();
        }
    }

    @TestConfiguration
    static class Channels {
        @Bean
        FlakyChannel flakyChannel() {
            return new FlakyChannel();
        }
    }
}
