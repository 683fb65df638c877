package dev.foyer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import tools.jackson.databind.JsonNode;

/**
 * Enqueue in the caller's transaction, delivery through the dev channel, and the dev outbox page.
 * The poll is slowed to an hour so that prompt delivery can only come from the after-commit nudge.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foyer.data-dir=./target/test-data/${random.uuid}",
        "foyer.messaging.poll-interval=1h"})
class JdbcOutboxTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RecordingChannel recorded;
    @LocalServerPort
    int port;

    private Tenant tenant;
    private DevOutboxHttp devOutbox;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbc);
        devOutbox = new DevOutboxHttp(port);
    }

    @Test
    void enqueueWhenTransactionRollsBackThenNothingIsStoredOrSent() {
        UUID[] rolledBack = new UUID[1];
        TenantContext.run(tenant, () -> transactions.executeWithoutResult(tx -> {
            rolledBack[0] = outbox.enqueue(sms("+15550000001", "recorded"));
            tx.setRollbackOnly();
        }));
        UUID committed = TenantContext.call(tenant, () -> transactions.execute(tx ->
                outbox.enqueue(sms("+15550000002", "recorded"))));

        await().atMost(PROMPTLY).until(() -> recorded.sent().contains(committed));
        assertThat(recorded.sent()).doesNotContain(rolledBack[0]);
        assertThat(OutboxRow.find(jdbc, rolledBack[0])).isEmpty();
        assertThat(devOutbox.entriesTo("+15550000001")).isEmpty();
    }

    @Test
    void enqueueWhenTransactionCommitsThenDevChannelDeliversPromptly() {
        String to = "ada-" + UUID.randomUUID() + "@example.com";
        UUID id = TenantContext.call(tenant, () -> transactions.execute(tx -> outbox.enqueue(
                new Message(ChannelType.EMAIL, to, "Verify your email", "Your code is 424242", "email-verification"))));

        await().atMost(PROMPTLY).until(() -> OutboxRow.get(jdbc, id).status().equals("SENT"));

        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.deliveredBy()).isEqualTo("dev");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.tenantId()).isEqualTo(tenant.id());
        JsonNode entry = devOutbox.entriesTo(to).get(0);
        assertThat(entry.get("id").asString()).isEqualTo(id.toString());
        assertThat(entry.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(entry.get("to").asString()).isEqualTo(to);
        assertThat(entry.get("subject").asString()).isEqualTo("Verify your email");
        assertThat(entry.get("body").asString()).isEqualTo("Your code is 424242");
        assertThat(entry.get("purpose").asString()).isEqualTo("email-verification");
        assertThat(entry.get("status").asString()).isEqualTo("SENT");
        assertThat(entry.get("tenantId").asString()).isEqualTo(tenant.id().toString());
        assertThat(entry.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void enqueueWhenNoTransactionIsActiveThenDeliversPromptly() {
        UUID id = TenantContext.call(tenant, () -> outbox.enqueue(sms("+15550000003", "mfa-sms")));

        await().atMost(PROMPTLY).until(() -> OutboxRow.get(jdbc, id).status().equals("SENT"));
    }

    @Test
    void enqueueWhenNoTenantInScopeThenFails() {
        assertThatThrownBy(() -> outbox.enqueue(sms("+15550000004", "mfa-sms")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void devOutboxJsonWhenFilteredByRecipientThenShowsOnlyTheirMessagesNewestFirst() {
        String to = "Grace-" + UUID.randomUUID() + "@Example.com";
        TenantContext.run(tenant, () -> {
            outbox.enqueue(new Message(ChannelType.EMAIL, to, "First", "code 111111", "email-verification"));
            outbox.enqueue(new Message(ChannelType.EMAIL, "someone-else@example.com", "Other", "x", "email-verification"));
            outbox.enqueue(new Message(ChannelType.EMAIL, to, "Second", "code 222222", "email-verification"));
        });

        List<JsonNode> entries = devOutbox.entriesTo(to.toLowerCase());

        assertThat(entries).extracting(entry -> entry.get("body").asString())
                .containsExactly("code 222222", "code 111111");
    }

    @Test
    void devOutboxMessagesWhenMessageCarriesCodeThenJsonHasCodeAndSentAt() {
        String to = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        UUID id = TenantContext.call(tenant, () -> outbox.enqueue(
                new Message(ChannelType.SMS, to, null, "Your code is 314159", "mfa-sms", "314159")));
        await().atMost(PROMPTLY).until(() -> OutboxRow.get(jdbc, id).status().equals("SENT"));

        JsonNode entry = devOutbox.entriesTo(to).get(0);

        assertThat(entry.get("to").asString()).isEqualTo(to);
        assertThat(entry.get("channel").asString()).isEqualTo("SMS");
        assertThat(entry.get("body").asString()).isEqualTo("Your code is 314159");
        assertThat(entry.get("code").asString()).isEqualTo("314159");
        assertThat(entry.get("subject").isNull()).isTrue();
        assertThat(entry.get("purpose").asString()).isEqualTo("mfa-sms");
        assertThat(entry.get("status").asString()).isEqualTo("SENT");
        assertThat(entry.get("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(entry.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void devOutboxMessagesWhenPlusOfNumberIsNotEncodedThenStillFindsTheNumber() {
        String to = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        TenantContext.run(tenant, () -> outbox.enqueue(sms(to, "phone-verification")));

        List<JsonNode> entries = devOutbox.entries("/dev/outbox/messages?to=" + to);

        assertThat(entries).extracting(entry -> entry.get("to").asString()).containsExactly(to);
    }

    @Test
    void devOutboxJsonWhenAskedByItsOlderNameThenAnswersLikeMessages() {
        String to = "lin-" + UUID.randomUUID() + "@example.com";
        TenantContext.run(tenant, () -> outbox.enqueue(
                new Message(ChannelType.EMAIL, to, "Code", "Your code is 271828", "email-verification")));

        List<JsonNode> older = devOutbox.entries("/dev/outbox.json" + DevOutboxHttp.query(to));

        assertThat(older).hasSize(1);
        assertThat(older.get(0).get("body").asString()).isEqualTo("Your code is 271828");
        assertThat(older.get(0).get("code").isNull()).isTrue();
        assertThat(devOutbox.entriesTo(to)).hasSize(1);
    }

    @Test
    void devOutboxPageWhenFilteredThenListsMessagesWithTheirTenant() {
        String to = "+1555" + (1_000_000 + (int) (Math.random() * 8_999_999));
        TenantContext.run(tenant, () -> outbox.enqueue(sms(to, "phone-verification")));

        var response = devOutbox.get("/dev/outbox" + DevOutboxHttp.query(to));

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("Dev outbox");
        assertThat(page.select("label[for=to]")).hasSize(1);
        assertThat(page.select("tbody tr")).hasSize(1);
        assertThat(page.select("tbody tr").text())
                .contains(to, "phone-verification", "Your code is 123456", tenant.id().toString());
        assertThat(page.select("tbody tr code.code").text()).isEqualTo("123456");
    }

    private static Message sms(String to, String purpose) {
        return new Message(ChannelType.SMS, to, null, "Your code is 123456", purpose, "123456");
    }

    /** Takes SMS with purpose "recorded" ahead of the dev channel and remembers what it sent. */
    static class RecordingChannel implements Channel {
        private final List<UUID> sent = new CopyOnWriteArrayList<>();

        @Override
        public ChannelType type() {
            return ChannelType.SMS;
        }

        @Override
        public boolean accepts(Message message) {
            return message.purpose().equals("recorded");
        }

        @Override
        public void send(OutboundMessage message) {
            sent.add(message.id());
        }

        List<UUID> sent() {
            return sent;
        }
    }

    @TestConfiguration
    static class Channels {
        @Bean
        RecordingChannel recordingChannel() {
            return new RecordingChannel();
        }
    }
}
