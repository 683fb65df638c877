package dev.foyer.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import dev.foyer.testing.ContractRows;
import dev.foyer.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The SSO session store's contract, against a bare migrated database; once per backend. */
abstract class SsoSessionsTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final TestClock clock = new TestClock(T0);
    private JdbcClient jdbc;
    private SsoSessions sessions;
    private JdbcTenantRepository tenants;
    private Tenant tenant;
    private UUID ada;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        sessions = new SsoSessions(jdbc, JsonMapper.builder().build(), clock);
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
        ada = ContractRows.user(jdbc, tenant.id());
    }

    @Test
    void authenticatedThenFindReturnsTheSessionAsRecorded() {
        SsoSession session = signIn(Optional.empty(), ada, password(T0));

        SsoSession found = in(tenant, () -> sessions.find(session.id())).orElseThrow();

        assertThat(found).isEqualTo(session);
        assertThat(found.objectId()).isEqualTo(ada);
        assertThat(found.factors()).containsExactly(password(T0));
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(found.expiresAt()).isEqualTo(T0.plus(LIFETIME));
    }

    @Test
    void authenticatedAgainThenANewIdCarryingTheFactorsAndThePreviousSessionEnds() {
        SsoSession first = signIn(Optional.empty(), ada, password(T0));
        clock.advance(Duration.ofMinutes(5));
        AuthenticationFactor sms = new AuthenticationFactor("sms", clock.instant());

        SsoSession second = signIn(Optional.of(first), ada, sms);

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(in(tenant, () -> sessions.find(first.id()))).isEmpty();
        SsoSession found = in(tenant, () -> sessions.find(second.id())).orElseThrow();
        assertThat(found.factors()).containsExactlyInAnyOrder(password(T0), sms);
        assertThat(found.createdAt()).isEqualTo(T0);
    }

    @Test
    void authenticatedAsAnotherUserThenCarriesNothingOver() {
        UUID bob = ContractRows.user(jdbc, tenant.id());
        SsoSession adas = signIn(Optional.empty(), ada, password(T0));
        clock.advance(Duration.ofMinutes(5));

        SsoSession bobs = signIn(Optional.of(adas), bob, password(clock.instant()));

        assertThat(bobs.factors()).containsExactly(password(clock.instant()));
        assertThat(bobs.createdAt()).isEqualTo(clock.instant());
        assertThat(in(tenant, () -> sessions.find(adas.id()))).isEmpty();
    }

    @Test
    void endThenNotFound() {
        SsoSession session = signIn(Optional.empty(), ada, password(T0));

        in(tenant, () -> sessions.end(session));

        assertThat(in(tenant, () -> sessions.find(session.id()))).isEmpty();
    }

    @Test
    void endWhenAlreadyEndedThenSaysSo() {
        SsoSession session = signIn(Optional.empty(), ada, password(T0));

        assertThat(in(tenant, () -> sessions.end(session))).isTrue();
        assertThat(in(tenant, () -> sessions.end(session))).isFalse();
    }

    @Test
    void endAllOfEndsEverySessionOfThatUserAndNoOneElses() {
        UUID bob = ContractRows.user(jdbc, tenant.id());
        SsoSession laptop = signIn(Optional.empty(), ada, password(T0));
        SsoSession phone = signIn(Optional.empty(), ada, password(T0));
        SsoSession bobs = signIn(Optional.empty(), bob, password(T0));
        Tenant other = TestTenants.create(tenants);
        UUID adaElsewhere = ContractRows.user(jdbc, other.id());
        SsoSession elsewhere = in(other, () -> sessions.authenticated(Optional.empty(), adaElsewhere,
                List.of(password(T0)), LIFETIME));

        int ended = in(tenant, () -> sessions.endAllOf(ada));

        assertThat(ended).isEqualTo(2);
        assertThat(in(tenant, () -> sessions.find(laptop.id()))).isEmpty();
        assertThat(in(tenant, () -> sessions.find(phone.id()))).isEmpty();
        assertThat(in(tenant, () -> sessions.find(bobs.id()))).isPresent();
        assertThat(in(other, () -> sessions.endAllOf(ada))).as("another tenant's call ends nothing here").isZero();
        assertThat(in(other, () -> sessions.find(elsewhere.id()))).isPresent();
    }

    @Test
    void authenticatedAfterThePreviousSessionWasEndedThenCarriesNothingOver() {
        SsoSession first = signIn(Optional.empty(), ada, new AuthenticationFactor("sms", T0));
        clock.advance(Duration.ofMinutes(5));
        in(tenant, () -> sessions.endAllOf(ada));
        AuthenticationFactor email = new AuthenticationFactor(AuthenticationFactor.EMAIL, clock.instant());

        SsoSession second = signIn(Optional.of(first), ada, email);

        assertThat(second.factors()).containsExactly(email);
        assertThat(second.createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void findWhenExpiredThenEmpty() {
        SsoSession session = signIn(Optional.empty(), ada, password(T0));

        clock.set(T0.plus(LIFETIME));

        assertThat(in(tenant, () -> sessions.find(session.id()))).isEmpty();
    }

    @Test
    void extendThenLivesTheLifetimePastNow() {
        SsoSession session = signIn(Optional.empty(), ada, password(T0));
        clock.advance(Duration.ofMinutes(50));

        in(tenant, () -> sessions.extend(session, LIFETIME));
        clock.advance(Duration.ofMinutes(30));

        assertThat(in(tenant, () -> sessions.find(session.id())).orElseThrow().expiresAt())
                .isEqualTo(T0.plus(Duration.ofMinutes(50)).plus(LIFETIME));
    }

    @Test
    void deleteExpiredRemovesOnlyExpiredSessions() {
        SsoSession old = signIn(Optional.empty(), ada, password(T0));
        clock.advance(Duration.ofMinutes(30));
        SsoSession live = signIn(Optional.empty(), ada, password(clock.instant()));
        clock.advance(Duration.ofMinutes(31));

        sessions.deleteExpired();

        assertThat(jdbc.sql("select count(*) from sso_session").query(Integer.class).single()).isEqualTo(1);
        assertThat(in(tenant, () -> sessions.find(live.id()))).isPresent();
        assertThat(in(tenant, () -> sessions.find(old.id()))).isEmpty();
    }

    @Test
    void anotherTenantNeitherFindsNorExtendsNorEndsTheSession() {
        Tenant other = TestTenants.create(tenants);
        SsoSession session = signIn(Optional.empty(), ada, password(T0));

        assertThat(in(other, () -> sessions.find(session.id()))).isEmpty();
        in(other, () -> sessions.extend(session, Duration.ofDays(30)));
        in(other, () -> sessions.end(session));

        assertThat(in(tenant, () -> sessions.find(session.id())).orElseThrow().expiresAt())
                .isEqualTo(T0.plus(LIFETIME));
    }

    private SsoSession signIn(Optional<SsoSession> previous, UUID user, AuthenticationFactor factor) {
        return in(tenant, () -> sessions.authenticated(previous, user, List.of(factor), LIFETIME));
    }

    private static AuthenticationFactor password(Instant at) {
        return new AuthenticationFactor(AuthenticationFactor.PASSWORD, at);
    }

    private static <T> T in(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }

    private static void in(Tenant tenant, Runnable work) {
        TenantContext.run(tenant, work);
    }
}
