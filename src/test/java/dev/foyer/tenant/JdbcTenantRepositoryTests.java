package dev.foyer.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.foyer.testing.TestClock;

@DatabaseTest
class JdbcTenantRepositoryTests {

    private static final Duration TTL = Duration.ofSeconds(3);

    @Autowired
    TenantRepository tenants;

    @Autowired
    JdbcClient jdbc;

    private final TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));

    @Test
    void findByNameOrIdWhenNameInAnyCasingThenFound() {
        UUID id = UUID.randomUUID();
        String name = "contoso" + id.toString().substring(0, 8);
        tenants.add(new Tenant(id, name.toUpperCase(), "Contoso"));

        assertThat(tenants.findByNameOrId(name)).map(Tenant::id).contains(id);
        assertThat(tenants.findByNameOrId(name.toUpperCase())).map(Tenant::name).contains(name);
    }

    @Test
    void findByNameOrIdWhenGuidThenFound() {
        Tenant tenant = TestTenants.create(tenants);

        assertThat(tenants.findByNameOrId(tenant.id().toString())).contains(tenant);
        assertThat(tenants.findByNameOrId(tenant.id().toString().toUpperCase())).contains(tenant);
    }

    @Test
    void findByNameOrIdWhenUnknownOrMalformedThenEmpty() {
        TestTenants.create(tenants);

        assertThat(tenants.findByNameOrId(UUID.randomUUID().toString())).isEmpty();
        assertThat(tenants.findByNameOrId("1-1-1-1-1")).isEmpty();
        assertThat(tenants.findByNameOrId("not-a-guid-{}")).isEmpty();
        assertThat(tenants.findByNameOrId("")).isEmpty();
        assertThat(tenants.findByNameOrId(null)).isEmpty();
    }

    @Test
    void findAllWhenTenantAddedThenListed() {
        Tenant tenant = TestTenants.create(tenants);

        assertThat(tenants.findAll()).contains(tenant);
    }

    @Test
    void updateDisplayNameWhenTenantWasReadBeforeThenThisNodeSeesItAtOnce() {
        Tenant tenant = TestTenants.create(tenants);
        assertThat(tenants.findByNameOrId(tenant.name())).contains(tenant);
        assertThat(tenants.findByNameOrId(tenant.id().toString())).contains(tenant);

        tenants.updateDisplayName(tenant.id(), "Renamed");

        assertThat(tenants.findByNameOrId(tenant.name())).map(Tenant::displayName).contains("Renamed");
        assertThat(tenants.findByNameOrId(tenant.id().toString())).map(Tenant::displayName).contains("Renamed");
    }

    @Test
    void changeOnAnotherNodeThenSeenHereOnceTheTimeToLiveHasPassed() {
        JdbcTenantRepository thisNode = new JdbcTenantRepository(jdbc, new ReadCaches(TTL, 100, clock));
        Tenant tenant = TestTenants.create(thisNode);
        assertThat(thisNode.findByNameOrId(tenant.name())).contains(tenant);

        new JdbcTenantRepository(jdbc, new ReadCaches(TTL, 100, clock)).updateDisplayName(tenant.id(), "Renamed");

        assertThat(thisNode.findByNameOrId(tenant.name())).contains(tenant);
        clock.advance(TTL.plusMillis(1));
        assertThat(thisNode.findByNameOrId(tenant.name())).map(Tenant::displayName).contains("Renamed");
    }

    @Test
    void tenantAddedOnAnotherNodeThenFoundHereAtOnce() {
        JdbcTenantRepository thisNode = new JdbcTenantRepository(jdbc, new ReadCaches(TTL, 100, clock));
        String name = "fabrikam" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(thisNode.findByNameOrId(name)).isEmpty();

        tenants.add(new Tenant(UUID.randomUUID(), name, "Fabrikam"));

        assertThat(thisNode.findByNameOrId(name)).map(Tenant::name).contains(name);
    }
}
