package dev.foyer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The journey store's contract, against a bare migrated database; once per backend. */
abstract class JourneyStoreTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private JourneyStore store;
    private JdbcTenantRepository tenants;
    private Tenant tenant;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        store = new JourneyStore(jdbc, JsonMapper.builder().build());
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
    }

    @Test
    void insertThenFindReturnsTheStateAtVersionOne() {
        JourneyState state = state(NOW.plus(Duration.ofMinutes(15)));
        state.stepIndex = 2;
        state.choice = "signUp";
        state.data.put("email", "ada@example.com");
        in(tenant, () -> store.insert("j1", state));

        JourneyStore.Loaded loaded = in(tenant, () -> store.find("j1", NOW)).orElseThrow();

        assertThat(loaded.version()).isEqualTo(1);
        assertThat(loaded.state().flowId).isEqualTo(state.flowId);
        assertThat(loaded.state().stepIndex).isEqualTo(2);
        assertThat(loaded.state().choice).isEqualTo("signUp");
        assertThat(loaded.state().data).containsEntry("email", "ada@example.com");
        assertThat(loaded.state().expiresAt).isEqualTo(state.expiresAt);
        assertThat(loaded.expiresAt()).isEqualTo(state.expiresAt);
    }

    @Test
    void findWhenUnknownOrTooLongIdThenEmpty() {
        assertThat(in(tenant, () -> store.find("nope", NOW))).isEmpty();
        assertThat(in(tenant, () -> store.find("x".repeat(65), NOW))).isEmpty();
        assertThat(in(tenant, () -> store.find(null, NOW))).isEmpty();
    }

    @Test
    void findWhenExpiredThenEmpty() {
        in(tenant, () -> store.insert("j1", state(NOW.plus(Duration.ofMinutes(15)))));

        assertThat(in(tenant, () -> store.find("j1", NOW.plus(Duration.ofMinutes(15))))).isEmpty();
        assertThat(in(tenant, () -> store.find("j1", NOW.plus(Duration.ofMinutes(16))))).isEmpty();
        assertThat(in(tenant, () -> store.find("j1", NOW.plus(Duration.ofMinutes(14))))).isPresent();
    }

    @Test
    void saveWithTheSameExpectedVersionTwiceThenOnlyTheFirstWins() {
        in(tenant, () -> store.insert("j1", state(NOW.plus(Duration.ofMinutes(15)))));
        JourneyState first = state(NOW.plus(Duration.ofMinutes(20)));
        first.stepIndex = 1;
        JourneyState second = state(NOW.plus(Duration.ofMinutes(20)));
        second.stepIndex = 7;

        assertThat(in(tenant, () -> store.save("j1", first, 1))).isTrue();
        assertThat(in(tenant, () -> store.save("j1", second, 1))).isFalse();

        JourneyStore.Loaded loaded = in(tenant, () -> store.find("j1", NOW)).orElseThrow();
        assertThat(loaded.version()).isEqualTo(2);
        assertThat(loaded.state().stepIndex).isEqualTo(1);
        assertThat(in(tenant, () -> store.save("j1", second, 2))).isTrue();
    }

    @Test
    void saveIfChangedWhenNothingChangedThenWritesNothingEvenOverAStaleVersion() {
        in(tenant, () -> store.insert("j1", state(NOW.plus(Duration.ofMinutes(15)))));
        JourneyStore.Loaded stale = in(tenant, () -> store.find("j1", NOW)).orElseThrow();
        JourneyStore.Loaded current = in(tenant, () -> store.find("j1", NOW)).orElseThrow();

        assertThat(in(tenant, () -> store.saveIfChanged("j1", current))).isTrue();
        assertThat(in(tenant, () -> store.find("j1", NOW)).orElseThrow().version()).isEqualTo(1);

        current.state().stepIndex = 3;
        assertThat(in(tenant, () -> store.saveIfChanged("j1", current))).isTrue();
        JourneyStore.Loaded saved = in(tenant, () -> store.find("j1", NOW)).orElseThrow();
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.state().stepIndex).isEqualTo(3);

        // Read before that save: unchanged, it stands (nothing to write); changed, it loses.
        assertThat(in(tenant, () -> store.saveIfChanged("j1", stale))).isTrue();
        stale.state().stepIndex = 5;
        assertThat(in(tenant, () -> store.saveIfChanged("j1", stale))).isFalse();
        JourneyStore.Loaded after = in(tenant, () -> store.find("j1", NOW)).orElseThrow();
        assertThat(after.version()).isEqualTo(2);
        assertThat(after.state().stepIndex).isEqualTo(3);
    }

    @Test
    void saveMovesTheExpiry() {
        in(tenant, () -> store.insert("j1", state(NOW.plus(Duration.ofMinutes(15)))));

        in(tenant, () -> store.save("j1", state(NOW.plus(Duration.ofMinutes(30))), 1));

        assertThat(in(tenant, () -> store.find("j1", NOW.plus(Duration.ofMinutes(20))))).isPresent();
    }

    @Test
    void deleteOnceThenTrueAndThenFalseAndGone() {
        in(tenant, () -> store.insert("j1", state(NOW.plus(Duration.ofMinutes(15)))));

        assertThat(in(tenant, () -> store.delete("j1"))).isTrue();
        assertThat(in(tenant, () -> store.delete("j1"))).isFalse();
        assertThat(in(tenant, () -> store.find("j1", NOW))).isEmpty();
    }

    @Test
    void deleteExpiredRemovesOnlyExpiredJourneys() {
        in(tenant, () -> store.insert("old", state(NOW.minus(Duration.ofMinutes(1)))));
        in(tenant, () -> store.insert("live", state(NOW.plus(Duration.ofMinutes(15)))));

        assertThat(store.deleteExpired(NOW)).isEqualTo(1);
        assertThat(in(tenant, () -> store.find("live", NOW))).isPresent();
    }

    @Test
    void anotherTenantNeitherFindsNorSavesNorDeletesTheJourney() {
        Tenant other = TestTenants.create(tenants);
        in(tenant, () -> store.insert("j1", state(NOW.plus(Duration.ofMinutes(15)))));

        assertThat(in(other, () -> store.find("j1", NOW))).isEmpty();
        assertThat(in(other, () -> store.save("j1", state(NOW.plus(Duration.ofMinutes(15))), 1))).isFalse();
        assertThat(in(other, () -> store.delete("j1"))).isFalse();
        assertThat(in(tenant, () -> store.find("j1", NOW)).orElseThrow().version()).isEqualTo(1);
    }

    private static JourneyState state(Instant expiresAt) {
        JourneyState state = new JourneyState();
        state.flowId = UUID.randomUUID();
        state.csrfToken = "csrf";
        state.expiresAt = expiresAt;
        return state;
    }

    private static <T> T in(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }

    private static void in(Tenant tenant, Runnable work) {
        TenantContext.run(tenant, work);
    }
}
