package dev.foyer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;

/**
 * The dispatcher against a bare database: no Spring context, no poll, no nudges. Runs once per
 * backend (see the subclasses), since claims and backoff rest on each database's SQL semantics.
 */
abstract class OutboxDispatcherTests {

    private static final RetrySchedule BACKOFF = new RetrySchedule(List.of(Duration.ofSeconds(5), Duration.ofSeconds(30)));
    private static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private JdbcClient jdbc;
    private JdbcOutbox outbox;
    private Tenant tenant;

    /** A new, empty database (or schema) that the test may migrate and fill. */
    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        outbox = new JdbcOutbox(jdbc, clock, id -> { });
        tenant = TestTenants.create(jdbc);
    }

    @Test
    void dispatchDueWhenTwoDispatchersRaceThenEachMessageIsSentExactlyOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(enqueue(new Message(ChannelType.SMS, "+4420700000" + i, null, "code " + i, "race")));
        }
        Map<UUID, AtomicInteger> sends = new ConcurrentHashMap<>();
        Channel counting = channel(ChannelType.SMS, message ->
                sends.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet());
        OutboxDispatcher first = dispatcher(counting);
        OutboxDispatcher second = dispatcher(counting);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> sentByFirst = nodes.submit(() -> drain(first, start));
            Future<Integer> sentBySecond = nodes.submit(() -> drain(second, start));
            start.countDown();

            assertThat(sentByFirst.get(30, TimeUnit.SECONDS) + sentBySecond.get(30, TimeUnit.SECONDS))
                    .isEqualTo(ids.size());
        } finally {
            nodes.shutdownNow();
        }
        assertThat(sends).hasSize(ids.size());
        assertThat(sends.values()).allSatisfy(count -> assertThat(count).hasValue(1));
        assertThat(ids).allSatisfy(id -> assertThat(OutboxRow.get(jdbc, id).status()).isEqualTo("SENT"));
    }

    @Test
    void deliverWhenNoChannelForTypeThenMessageStaysPendingWithReason() {
        UUID id = enqueue(new Message(ChannelType.VOICE, "+442070000000", null, "Your code is 1 2 3", "mfa-voice"));

        assertThat(dispatcher(channel(ChannelType.SMS, message -> { })).dispatchDue()).isZero();

        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isZero();
        assertThat(row.lastError()).isEqualTo("no channel configured");
    }

    @Test
    void deliverWhenChannelKeepsFailingThenRetriesAfterEachBackoffAndThenFailsAndErasesContent() {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        Channel failing = new Channel() {
            @Override
            public ChannelType type() {
                return ChannelType.SMS;
            }

            @Override
            public void send(OutboundMessage message) throws DeliveryException {
                attempts.add(clock.instant());
                throw new DeliveryException("gateway unavailable");
            }
        };
        OutboxDispatcher dispatcher = dispatcher(failing);
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000001", null, "Your code is 112233", "mfa-sms",
                "112233"));
        Instant start = clock.instant();

        dispatcher.dispatchDue();
        assertThat(OutboxRow.get(jdbc, id)).extracting(OutboxRow::status, OutboxRow::attempts, OutboxRow::code)
                .as("a message still to be retried keeps what it must send")
                .containsExactly("PENDING", 1, "112233");
        clock.advance(Duration.ofSeconds(4));
        dispatcher.dispatchDue();
        assertThat(attempts).hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofSeconds(29));
        dispatcher.dispatchDue();
        assertThat(attempts).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();

        assertThat(attempts).containsExactly(start, start.plusSeconds(5), start.plusSeconds(35));
        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(row.lastError()).contains("gateway unavailable");
        assertThat(row.body()).isEmpty();
        assertThat(row.code()).isNull();
    }

    @Test
    void deliverWhenChannelFailsPermanentlyThenFailsAtOnceWithoutRetryAndErasesContent() {
        List<Instant> attempts = new CopyOnWriteArrayList<>();
        Channel refusing = new Channel() {
            @Override
            public ChannelType type() {
                return ChannelType.SMS;
            }

            @Override
            public void send(OutboundMessage message) throws DeliveryException {
                attempts.add(clock.instant());
                throw DeliveryException.permanent("number refused");
            }
        };
        OutboxDispatcher dispatcher = dispatcher(refusing);
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000009", null, "Your code is 445566", "mfa-sms",
                "445566"));

        dispatcher.dispatchDue();
        clock.advance(Duration.ofHours(1));
        dispatcher.dispatchDue();

        assertThat(attempts).hasSize(1);
        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.status()).isEqualTo("FAILED");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).endsWith(": number refused");
        assertThat(row.body()).isEmpty();
        assertThat(row.code()).isNull();
        assertThat(TenantContext.call(tenant, () -> outbox.state(id))).contains(DeliveryState.FAILED);
    }

    @Test
    void deliverWhenRealProviderSendsThenBodyAndCodeAreCleared() {
        List<String> codesSeen = new CopyOnWriteArrayList<>();
        OutboxDispatcher dispatcher = dispatcher(channel(ChannelType.SMS, message -> codesSeen.add(message.code())));
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000010", null, "Your code is 246810", "mfa-sms",
                "246810"));

        dispatcher.dispatchDue();

        assertThat(codesSeen).containsExactly("246810");
        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.body()).isEmpty();
        assertThat(row.code()).isNull();
    }

    @Test
    void deliverWhenDevChannelSendsThenBodyAndCodeAreKept() {
        OutboxDispatcher dispatcher = dispatcher(new DevChannel(ChannelType.SMS));
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000011", null, "Your code is 135790", "mfa-sms",
                "135790"));

        dispatcher.dispatchDue();

        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.deliveredBy()).isEqualTo("dev");
        assertThat(row.body()).isEqualTo("Your code is 135790");
        assertThat(row.code()).isEqualTo("135790");
    }

    @Test
    void stateWhenMessageMovesThroughDeliveryThenReportsPendingThenSent() {
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000012", null, "code", "mfa-sms"));
        assertThat(TenantContext.call(tenant, () -> outbox.state(id))).contains(DeliveryState.PENDING);

        markSending(id, clock.instant().plusSeconds(30));
        assertThat(TenantContext.call(tenant, () -> outbox.state(id))).contains(DeliveryState.PENDING);

        clock.advance(Duration.ofMinutes(1));
        dispatcher(channel(ChannelType.SMS, message -> { })).dispatchDue();
        assertThat(TenantContext.call(tenant, () -> outbox.state(id))).contains(DeliveryState.SENT);
    }

    @Test
    void stateWhenMessageBelongsToAnotherTenantOrIsUnknownThenEmpty() {
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000013", null, "code", "mfa-sms"));
        Tenant other = TestTenants.create(jdbc);

        assertThat(TenantContext.call(other, () -> outbox.state(id))).isEmpty();
        assertThat(TenantContext.call(tenant, () -> outbox.state(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void dispatchDueWhenAnotherNodesClaimHasLapsedThenTakesTheMessageOver() {
        UUID lapsed = enqueue(new Message(ChannelType.SMS, "+442070000002", null, "code", "mfa-sms"));
        UUID held = enqueue(new Message(ChannelType.SMS, "+442070000003", null, "code", "mfa-sms"));
        markSending(lapsed, clock.instant().minusSeconds(1));
        markSending(held, clock.instant().plusSeconds(30));
        List<UUID> sent = new CopyOnWriteArrayList<>();

        dispatcher(channel(ChannelType.SMS, message -> sent.add(message.id()))).dispatchDue();

        assertThat(sent).containsExactly(lapsed);
        assertThat(OutboxRow.get(jdbc, held).status()).isEqualTo("SENDING");
    }

    @Test
    void deliverWhenRealProviderAndDevChannelBothMatchThenRealProviderSends() {
        List<String> used = new CopyOnWriteArrayList<>();
        Channel declinesMarketing = new Channel() {
            @Override
            public ChannelType type() {
                return ChannelType.EMAIL;
            }

            @Override
            public boolean accepts(Message message) {
                return !message.purpose().equals("newsletter");
            }

            @Override
            public void send(OutboundMessage message) {
                used.add("provider:" + message.purpose());
            }
        };
        OutboxDispatcher dispatcher = dispatcher(new DevChannel(ChannelType.EMAIL), declinesMarketing);
        UUID verification = enqueue(new Message(ChannelType.EMAIL, "a@example.com", "Code", "1", "email-verification"));
        UUID newsletter = enqueue(new Message(ChannelType.EMAIL, "a@example.com", "News", "2", "newsletter"));

        dispatcher.dispatchDue();

        assertThat(used).containsExactly("provider:email-verification");
        assertThat(OutboxRow.get(jdbc, verification).deliveredBy()).isNotEqualTo("dev");
        assertThat(OutboxRow.get(jdbc, newsletter).deliveredBy()).isEqualTo("dev");
    }

    @Test
    void deliverWhenOnlyDisabledChannelsMatchThenMessageWaitsWithReasonAndNothingIsSent() {
        List<String> sent = new CopyOnWriteArrayList<>();
        OutboxDispatcher dispatcher = dispatcher(disabled(channel(ChannelType.SMS, message -> sent.add(message.body()))),
                new DevChannel(ChannelType.SMS, false));
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000014", null, "Your code is 975310", "mfa-sms",
                "975310"));

        dispatcher.dispatchDue();

        assertThat(dispatcher.channels()).isEmpty();
        assertThat(OutboxDispatcher.describe(dispatcher.channels())).isEqualTo("email: none; sms: none; voice: none");
        assertThat(sent).isEmpty();
        OutboxRow row = OutboxRow.get(jdbc, id);
        assertThat(row.status()).isEqualTo("PENDING");
        assertThat(row.attempts()).isZero();
        assertThat(row.lastError()).isEqualTo(OutboxDispatcher.NO_CHANNEL);
        assertThat(row.code()).isEqualTo("975310");
    }

    @Test
    void deliverWhenRealProviderIsDisabledThenDevChannelTakesItsType() {
        List<String> sent = new CopyOnWriteArrayList<>();
        Channel provider = channel(ChannelType.SMS, message -> sent.add(message.body()));
        OutboxDispatcher dispatcher = dispatcher(new DevChannel(ChannelType.SMS), disabled(provider));
        UUID id = enqueue(new Message(ChannelType.SMS, "+442070000015", null, "Your code is 864200", "mfa-sms",
                "864200"));

        dispatcher.dispatchDue();

        assertThat(sent).isEmpty();
        assertThat(dispatcher.channels()).extracting(Channel::type).containsExactly(ChannelType.SMS);
        assertThat(OutboxDispatcher.describe(dispatcher.channels())).isEqualTo("email: none; sms: dev; voice: none");
        assertThat(OutboxRow.get(jdbc, id).deliveredBy()).isEqualTo("dev");
    }

    private int drain(OutboxDispatcher dispatcher, CountDownLatch start) throws InterruptedException {
        start.await();
        int sent = 0;
        while (!dueIds().isEmpty()) {
            sent += dispatcher.dispatchDue();
        }
        return sent;
    }

    private List<UUID> dueIds() {
        return new OutboxRows(jdbc).due(clock.instant(), 1);
    }

    private void markSending(UUID id, Instant claimedUntil) {
        jdbc.sql("update outbox_message set status = 'SENDING', claim_token = :token, claimed_until = :until where id = :id")
                .param("token", UUID.randomUUID())
                .param("until", OffsetDateTime.ofInstant(claimedUntil, ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    private UUID enqueue(Message message) {
        return TenantContext.call(tenant, () -> outbox.enqueue(message));
    }

    private OutboxDispatcher dispatcher(Channel... channels) {
        return new OutboxDispatcher(jdbc, List.of(channels), BACKOFF, CLAIM_TIMEOUT, clock, meters);
    }

    /** {@code channel}, turned off by the configuration. */
    private static Channel disabled(Channel channel) {
        return new Channel() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public ChannelType type() {
                return channel.type();
            }

            @Override
            public void send(OutboundMessage message) throws DeliveryException {
                channel.send(message);
            }
        };
    }

    private static Channel channel(ChannelType type, java.util.function.Consumer<OutboundMessage> sink) {
        return new Channel() {
            @Override
            public ChannelType type() {
                return type;
            }

            @Override
            public void send(OutboundMessage message) {
                sink.accept(message);
            }
        };
    }
}
