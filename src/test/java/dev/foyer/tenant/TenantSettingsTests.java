package dev.foyer.tenant;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The tenant settings store's contract, against a bare migrated database; once per backend. */
abstract class TenantSettingsTests {

    record CodeRules(int length, List<String> channels) {
    }

    private static final Duration TTL = Duration.ofSeconds(3);

    private final TestClock clock = new TestClock(Instant.parse("2026-11-29T10:00:00Z"));
    private JdbcClient jdbc;
    private TenantSettings settings;
    private JdbcTenantRepository tenants;
    private Tenant tenant;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        settings = new TenantSettings(jdbc, JsonMapper.builder().build());
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
    }

    @Test
    void putThenFindReturnsTheValue() {
        in(tenant, () -> settings.put("codes", new CodeRules(6, List.of("sms", "email"))));

        assertThat(in(tenant, () -> settings.find("codes", CodeRules.class)))
                .contains(new CodeRules(6, List.of("sms", "email")));
        assertThat(in(tenant, () -> settings.find("other", CodeRules.class))).isEmpty();
    }

    @Test
    void putAgainThenReplacesTheValue() {
        in(tenant, () -> settings.put("codes", new CodeRules(6, List.of("sms"))));

        in(tenant, () -> settings.put("codes", new CodeRules(8, List.of("email"))));

        assertThat(in(tenant, () -> settings.find("codes", CodeRules.class)))
                .contains(new CodeRules(8, List.of("email")));
    }

    @Test
    void removeThenNotFoundAndRemovingAgainIsHarmless() {
        in(tenant, () -> settings.put("codes", new CodeRules(6, List.of("sms"))));

        in(tenant, () -> settings.remove("codes"));
        in(tenant, () -> settings.remove("codes"));

        assertThat(in(tenant, () -> settings.find("codes", CodeRules.class))).isEmpty();
    }

    @Test
    void anotherTenantNeitherSeesNorChangesNorRemovesTheSetting() {
        Tenant other = TestTenants.create(tenants);
        in(tenant, () -> settings.put("codes", new CodeRules(6, List.of("sms"))));

        assertThat(in(other, () -> settings.find("codes", CodeRules.class))).isEmpty();
        in(other, () -> settings.put("codes", new CodeRules(4, List.of("email"))));
        in(other, () -> settings.remove("other"));

        assertThat(in(tenant, () -> settings.find("codes", CodeRules.class)))
                .contains(new CodeRules(6, List.of("sms")));
        in(other, () -> settings.remove("codes"));
        assertThat(in(tenant, () -> settings.find("codes", CodeRules.class))).isPresent();
    }

    @Test
    void putOrRemoveOnThisNodeThenSeenHereAtOnceThoughTheValueOrItsAbsenceWasCached() {
        TenantSettings thisNode = cachingNode();
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).isEmpty();

        in(tenant, () -> thisNode.put("codes", new CodeRules(6, List.of("sms"))));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).contains(new CodeRules(6, List.of("sms")));

        in(tenant, () -> thisNode.put("codes", new CodeRules(8, List.of("email"))));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class)))
                .contains(new CodeRules(8, List.of("email")));

        in(tenant, () -> thisNode.remove("codes"));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).isEmpty();
    }

    @Test
    void putOrRemoveOnAnotherNodeThenSeenHereOnceTheTimeToLiveHasPassed() {
        TenantSettings thisNode = cachingNode();
        TenantSettings otherNode = cachingNode();
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).isEmpty();

        in(tenant, () -> otherNode.put("codes", new CodeRules(6, List.of("sms"))));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).as("absence kept").isEmpty();
        clock.advance(TTL.plusMillis(1));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).contains(new CodeRules(6, List.of("sms")));

        in(tenant, () -> otherNode.remove("codes"));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).as("value kept").isPresent();
        clock.advance(TTL.plusMillis(1));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).isEmpty();
    }

    @Test
    void cachedSettingsStayWithTheirTenant() {
        TenantSettings thisNode = cachingNode();
        Tenant other = TestTenants.create(tenants);
        in(tenant, () -> thisNode.put("codes", new CodeRules(6, List.of("sms"))));
        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).isPresent();

        assertThat(in(other, () -> thisNode.find("codes", CodeRules.class))).isEmpty();
        in(other, () -> thisNode.put("codes", new CodeRules(4, List.of("email"))));

        assertThat(in(tenant, () -> thisNode.find("codes", CodeRules.class))).contains(new CodeRules(6, List.of("sms")));
        assertThat(in(other, () -> thisNode.find("codes", CodeRules.class)))
                .contains(new CodeRules(4, List.of("email")));
    }

    private TenantSettings cachingNode() {
        return new TenantSettings(jdbc, JsonMapper.builder().build(), new ReadCaches(TTL, 100, clock));
    }

    private static <T> T in(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }

    private static void in(Tenant tenant, Runnable work) {
        TenantContext.run(tenant, work);
    }
}
