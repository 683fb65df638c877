package dev.foyer.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's contract, against a bare database migrated by Flyway: no Spring context. Runs
 * once per backend (see the subclasses).
 */
abstract class JdbcAuditLogTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final SettableClock clock = new SettableClock(T0);
    private DataSource dataSource;
    private JdbcClient jdbc;
    private JdbcAuditLog log;
    private JdbcTenantRepository tenants;
    private Tenant tenant;

    /** A new, empty database (or schema) that the test may migrate and fill. */
    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        log = new JdbcAuditLog(jdbc, clock);
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
    }

    @Test
    void queryWhenEventRecordedThenReturnsEveryFieldAsRecorded() {
        UUID user = UUID.randomUUID();
        Map<String, Object> details = Map.of("resource", "userFlow", "action", "update",
                "before", Map.of("mfa", "OFF", "tries", 5), "after", Map.of("mfa", "ALWAYS_ON", "tries", 3),
                "tags", List.of("a", "b"));
        in(tenant, () -> log.record(new AuditRecord(AuditEvent.ADMIN_CHANGE, AuditActor.admin(user), user,
                "B2C_1_susi", details)));

        List<AuditEvent> events = in(tenant, () -> log.query(AuditQuery.newest()));

        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.id()).isNotNull();
        assertThat(event.tenantId()).isEqualTo(tenant.id());
        assertThat(event.at()).isEqualTo(T0);
        assertThat(event.type()).isEqualTo("admin.change");
        assertThat(event.actor()).isEqualTo("admin:" + user);
        assertThat(event.subjectUserId()).isEqualTo(user);
        assertThat(event.target()).isEqualTo("B2C_1_susi");
        assertThat(event.details()).isEqualTo(details);
    }

    @Test
    void queryWhenEventHasNoSubjectTargetOrDetailsThenReturnsThemEmpty() {
        in(tenant, () -> log.record(new AuditRecord("signIn.failed", AuditActor.ANONYMOUS, null, null, null)));

        AuditEvent event = in(tenant, () -> log.query(AuditQuery.newest())).get(0);

        assertThat(event.subjectUserId()).isNull();
        assertThat(event.target()).isNull();
        assertThat(event.details()).isEmpty();
    }

    @Test
    void queryWhenManyEventsThenNewestFirstAndEventsOfOneInstantInTheOrderRecorded() {
        record("mfa.codeSent", null);
        clock.advance(Duration.ofSeconds(1));
        record("mfa.codeVerified", null);
        record("mfa.enrolled", null);
        record("signIn.succeeded", null);

        assertThat(types(in(tenant, () -> log.query(AuditQuery.newest()))))
                .containsExactly("signIn.succeeded", "mfa.enrolled", "mfa.codeVerified", "mfa.codeSent");
    }

    @Test
    void queryWhenTimeRangeGivenThenIncludesItsStartAndExcludesItsEnd() {
        for (int minute = 0; minute < 5; minute++) {
            clock.set(T0.plus(Duration.ofMinutes(minute)));
            record("signIn.succeeded", null);
        }

        List<AuditEvent> events = in(tenant, () -> log.query(AuditQuery.newest()
                .since(T0.plus(Duration.ofMinutes(1))).until(T0.plus(Duration.ofMinutes(3)))));

        assertThat(events).extracting(AuditEvent::at)
                .containsExactly(T0.plus(Duration.ofMinutes(2)), T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void queryWhenUserGivenThenReturnsOnlyEventsAboutThatUser() {
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        record("signIn.succeeded", ada);
        record("signIn.succeeded", bob);
        record("signIn.failed", null);
        record("mfa.enrolled", ada);

        assertThat(types(in(tenant, () -> log.query(AuditQuery.newest().forUser(ada)))))
                .containsExactly("mfa.enrolled", "signIn.succeeded");
    }

    @Test
    void queryWhenTypeGivenThenReturnsOnlyThatType() {
        UUID ada = UUID.randomUUID();
        record("signIn.failed", null);
        record("signIn.succeeded", ada);
        record("signIn.failed", null);

        List<AuditEvent> failed = in(tenant, () -> log.query(AuditQuery.newest().ofType("signIn.failed")));
        List<AuditEvent> adaSucceeded = in(tenant, () -> log.query(AuditQuery.newest().ofType("signIn.succeeded")
                .forUser(ada)));

        assertThat(types(failed)).containsExactly("signIn.failed", "signIn.failed");
        assertThat(adaSucceeded).hasSize(1);
    }

    @Test
    void queryWhenLimitGivenThenReturnsTheNewestThatMany() {
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            record("signIn.succeeded", null);
        }

        List<AuditEvent> two = in(tenant, () -> log.query(AuditQuery.newest().limitedTo(2)));

        assertThat(two).extracting(AuditEvent::at).containsExactly(T0.plusSeconds(5), T0.plusSeconds(4));
    }

    @Test
    void queryWhenNoLimitGivenThenReturnsAtMostOneHundred() {
        for (int i = 0; i < 101; i++) {
            record("signIn.succeeded", null);
        }

        assertThat(in(tenant, () -> log.query(AuditQuery.newest()))).hasSize(AuditQuery.DEFAULT_LIMIT);
        assertThat(in(tenant, () -> log.query(new AuditQuery(null, null, null, null, 0, null))))
                .hasSize(AuditQuery.DEFAULT_LIMIT);
    }

    @Test
    void olderThanWhenPagingThenEveryEventComesOnceEvenWithinOneInstant() {
        for (int i = 0; i < 7; i++) {
            if (i % 3 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
            record("signIn.succeeded", null);
        }
        List<AuditEvent> all = in(tenant, () -> log.query(AuditQuery.newest()));

        List<AuditEvent> paged = new ArrayList<>();
        AuditQuery page = AuditQuery.newest().limitedTo(3);
        while (true) {
            AuditQuery current = page;
            List<AuditEvent> events = in(tenant, () -> log.query(current));
            paged.addAll(events);
            if (events.size() < 3) {
                break;
            }
            page = page.olderThan(events.get(events.size() - 1).id());
        }

        assertThat(paged).hasSize(7).isEqualTo(all);
    }

    @Test
    void olderThanWhenTheEventIsUnknownThenReturnsNothing() {
        record("signIn.succeeded", null);

        assertThat(in(tenant, () -> log.query(AuditQuery.newest().olderThan(UUID.randomUUID())))).isEmpty();
    }

    @Test
    void queryWhenAnotherTenantRecordedThenNeverSeesItsEventsNorPagesFromThem() {
        Tenant other = TestTenants.create(tenants);
        record("signIn.succeeded", null);
        in(other, () -> log.record(new AuditRecord("signIn.failed", AuditActor.ANONYMOUS, null, "x@example.com")));
        UUID othersEvent = in(other, () -> log.query(AuditQuery.newest())).get(0).id();
        clock.advance(Duration.ofSeconds(1));
        record("signIn.succeeded", null);

        assertThat(types(in(tenant, () -> log.query(AuditQuery.newest()))))
                .containsExactly("signIn.succeeded", "signIn.succeeded");
        assertThat(in(tenant, () -> log.query(AuditQuery.newest().ofType("signIn.failed")))).isEmpty();
        assertThat(in(tenant, () -> log.query(AuditQuery.newest().olderThan(othersEvent)))).isEmpty();
        assertThat(in(other, () -> log.query(AuditQuery.newest()))).extracting(AuditEvent::tenantId)
                .containsExactly(other.id());
    }

    @Test
    void recordWhenNoTenantInScopeThenFails() {
        assertThatThrownBy(() -> log.record(new AuditRecord("signIn.failed", AuditActor.ANONYMOUS, null, null)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void recordWhenCallersTransactionRollsBackThenTheEventRollsBackWithIt() {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

        in(tenant, () -> transactions.executeWithoutResult(status -> {
            log.record(new AuditRecord("mfa.enrolled", AuditActor.ANONYMOUS, null, null));
            status.setRollbackOnly();
        }));
        in(tenant, () -> transactions.executeWithoutResult(status ->
                log.record(new AuditRecord("mfa.codeSent", AuditActor.ANONYMOUS, null, null))));

        assertThat(types(in(tenant, () -> log.query(AuditQuery.newest())))).containsExactly("mfa.codeSent");
    }

    @Test
    void recordWhenDetailsAreTooLargeThenRefusesAndStoresNothing() {
        Map<String, Object> huge = Map.of("after", "x".repeat(JdbcAuditLog.MAX_DETAILS));

        assertThatThrownBy(() -> in(tenant, () -> log.record(new AuditRecord("admin.change", AuditActor.ANONYMOUS,
                null, null, huge)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(in(tenant, () -> log.query(AuditQuery.newest()))).isEmpty();
    }

    private void record(String type, UUID subject) {
        in(tenant, () -> log.record(new AuditRecord(type,
                subject == null ? AuditActor.ANONYMOUS : AuditActor.user(subject), subject, null)));
    }

    private static List<String> types(List<AuditEvent> events) {
        return events.stream().map(AuditEvent::type).toList();
    }

    private static <T> T in(Tenant tenant, java.util.function.Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }

    private static void in(Tenant tenant, Runnable work) {
        TenantContext.run(tenant, work);
    }
}
