package dev.foyer.userflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.ReadCaches;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import dev.foyer.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The user flow port's contract, against a bare migrated database; once per backend. */
abstract class JdbcUserFlowRepositoryTests {

    private JdbcUserFlowRepository flows;
    private JdbcTenantRepository tenants;
    private Tenant tenant;
    private JdbcClient jdbc;
    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
    private static final Duration TTL = Duration.ofSeconds(3);

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        flows = node();
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
    }

    @Test
    void createThenFindByNameInAnyCasingWithOrWithoutPrefixReturnsTheFlowAsCreated() {
        UserFlow created = in(tenant, () -> flows.create("SuSi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));

        assertThat(created.name()).isEqualTo("B2C_1_SuSi");
        assertThat(created.version()).isEqualTo(1);
        for (String name : List.of("SuSi", "susi", "B2C_1_SUSI", "b2c_1_susi")) {
            assertThat(in(tenant, () -> flows.findByName(name))).as(name).contains(created);
        }
        assertThat(in(tenant, () -> flows.findAll())).containsExactly(created);
    }

    @Test
    void createWhenTheNameIsTakenInAnyCasingThenRefuses() {
        in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN, definition(MfaSettings.OFF)));

        assertThatThrownBy(() -> in(tenant, () -> flows.create("B2C_1_SUSI", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)))).isInstanceOf(IllegalArgumentException.class);
        assertThat(in(tenant, () -> flows.findAll())).hasSize(1);
    }

    @Test
    void createWhenTheNameIsInvalidThenRefuses() {
        assertThatThrownBy(() -> in(tenant, () -> flows.create("su si", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void updateWithTheCurrentVersionThenStoresTheDefinitionAndBumpsTheVersion() {
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        UserFlow changed = new UserFlow(created.id(), created.name(), created.type(),
                definition(MfaSettings.ENABLED), created.version());

        UserFlow updated = in(tenant, () -> flows.update(changed, 1));

        assertThat(updated.version()).isEqualTo(2);
        UserFlow found = in(tenant, () -> flows.findByName("susi")).orElseThrow();
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.definition()).isEqualTo(definition(MfaSettings.ENABLED));
    }

    @Test
    void updateWithAStaleVersionThenFailsAndKeepsTheWinnersChange() {
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        UserFlow first = new UserFlow(created.id(), created.name(), created.type(),
                definition(MfaSettings.ENABLED), 1);
        UserFlow second = new UserFlow(created.id(), created.name(), created.type(),
                definition(new MfaSettings(MfaSettings.PHONE, MfaEnforcement.CONDITIONAL)), 1);
        in(tenant, () -> flows.update(first, 1));

        assertThatThrownBy(() -> in(tenant, () -> flows.update(second, 1)))
                .isInstanceOf(ConcurrentFlowChangeException.class);
        assertThat(in(tenant, () -> flows.findByName("susi")).orElseThrow().definition())
                .isEqualTo(definition(MfaSettings.ENABLED));
    }

    @Test
    void definitionStoredBeforeSelfServicePasswordResetExistedThenReadsWithItOff() {
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        String stored = jdbc.sql("select definition from user_flow where id = ?").param(created.id())
                .query(String.class).single();
        jdbc.sql("update user_flow set definition = ? where id = ?")
                .params(stored.replace(",\"selfServicePasswordReset\":false", ""), created.id()).update();
        assertThat(jdbc.sql("select definition from user_flow where id = ?").param(created.id())
                .query(String.class).single()).doesNotContain("selfServicePasswordReset");

        UserFlow found = in(tenant, () -> flows.findByName("susi")).orElseThrow();

        assertThat(found.properties().selfServicePasswordReset()).isFalse();
        assertThat(found.definition()).isEqualTo(definition(MfaSettings.OFF));
    }

    @Test
    void selfServicePasswordResetWhenOnThenIsStoredAndReadBack() {
        UserFlowDefinition on = definition(MfaSettings.OFF).withProperties(
                UserFlowProperties.DEFAULTS.withSelfServicePasswordReset(true));
        in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN, on));

        assertThat(in(tenant, () -> flows.findByName("susi")).orElseThrow().properties().selfServicePasswordReset())
                .isTrue();
    }

    @Test
    void anotherTenantNeitherSeesNorUpdatesTheFlowButMayUseTheSameName() {
        Tenant other = TestTenants.create(tenants);
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));

        assertThat(in(other, () -> flows.findByName("susi"))).isEmpty();
        assertThat(in(other, () -> flows.findAll())).isEmpty();
        assertThatThrownBy(() -> in(other, () -> flows.update(created, 1)))
                .isInstanceOf(ConcurrentFlowChangeException.class);
        UserFlow others = in(other, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.ENABLED)));

        assertThat(in(tenant, () -> flows.findByName("susi"))).contains(created);
        assertThat(in(other, () -> flows.findByName("susi"))).contains(others);
    }

    @Test
    void updateWhenFlowWasReadBeforeThenThisNodeSeesTheChangeAtOnce() {
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        assertThat(in(tenant, () -> flows.findByName("susi"))).contains(created);

        in(tenant, () -> flows.update(new UserFlow(created.id(), created.name(), created.type(),
                definition(MfaSettings.ENABLED), 1), 1));

        UserFlow found = in(tenant, () -> flows.findByName("B2C_1_SUSI")).orElseThrow();
        assertThat(found.definition()).isEqualTo(definition(MfaSettings.ENABLED));
        assertThat(found.version()).isEqualTo(2);
    }

    @Test
    void deleteWhenFlowWasReadBeforeThenThisNodeFindsItNoMore() {
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        assertThat(in(tenant, () -> flows.findByName("susi"))).contains(created);

        TenantContext.run(tenant, () -> flows.delete(created));

        assertThat(in(tenant, () -> flows.findByName("susi"))).isEmpty();
        assertThat(in(tenant, () -> flows.findAll())).isEmpty();
    }

    @Test
    void deleteWhenFlowOfAnotherTenantThenNothingDeleted() {
        Tenant other = TestTenants.create(tenants);
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));

        TenantContext.run(other, () -> flows.delete(created));

        assertThat(in(tenant, () -> flows.findByName("susi"))).contains(created);
    }

    @Test
    void changeOnAnotherNodeThenSeenHereOnceTheTimeToLiveHasPassed() {
        JdbcUserFlowRepository otherNode = node();
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        assertThat(in(tenant, () -> flows.findByName("susi"))).contains(created);

        in(tenant, () -> otherNode.update(new UserFlow(created.id(), created.name(), created.type(),
                definition(MfaSettings.ENABLED), 1), 1));

        assertThat(in(tenant, () -> otherNode.findByName("susi")).orElseThrow().version()).isEqualTo(2);
        assertThat(in(tenant, () -> flows.findByName("susi"))).contains(created);
        clock.advance(TTL.plusMillis(1));
        UserFlow found = in(tenant, () -> flows.findByName("susi")).orElseThrow();
        assertThat(found.definition()).isEqualTo(definition(MfaSettings.ENABLED));
        assertThat(found.version()).isEqualTo(2);
    }

    @Test
    void deleteStraightInTheDatabaseThenGoneHereOnceTheTimeToLiveHasPassed() {
        UserFlow created = in(tenant, () -> flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        assertThat(in(tenant, () -> flows.findByName("susi"))).contains(created);

        jdbc.sql("delete from user_flow where id = ?").param(created.id()).update();

        clock.advance(TTL.plusMillis(1));
        assertThat(in(tenant, () -> flows.findByName("susi"))).isEmpty();
    }

    private JdbcUserFlowRepository node() {
        return new JdbcUserFlowRepository(jdbc, JsonMapper.builder().build(), new ReadCaches(TTL, 100, clock));
    }

    private static UserFlowDefinition definition(MfaSettings mfa) {
        return new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT), List.of("displayName"),
                List.of("emails", "oid"), UserFlowProperties.DEFAULTS.withMfa(mfa));
    }

    private static <T> T in(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }
}
