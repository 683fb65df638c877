package dev.foyer.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import dev.foyer.testing.ContractRows;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The API permissions store's contract, against a bare migrated database; once per backend. */
abstract class ApiPermissionsTests {

    private JdbcClient jdbc;
    private ApiPermissions permissions;
    private JdbcTenantRepository tenants;
    private Tenant tenant;
    private UUID webApp;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        permissions = new ApiPermissions(jdbc);
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
        webApp = ContractRows.application(jdbc, tenant.id(), "WEB");
    }

    @Test
    void grantThenOfListsTheScopesSortedAndGrantingAgainIsHarmless() {
        in(tenant, () -> permissions.grant(webApp, "orders.write"));
        in(tenant, () -> permissions.grant(webApp, "api://orders/read"));
        in(tenant, () -> permissions.grant(webApp, "orders.write"));

        assertThat(in(tenant, () -> permissions.of(webApp))).containsExactly("api://orders/read", "orders.write");
    }

    @Test
    void revokeThenGoneAndOtherScopesStay() {
        in(tenant, () -> permissions.grant(webApp, "orders.read"));
        in(tenant, () -> permissions.grant(webApp, "orders.write"));

        in(tenant, () -> permissions.revoke(webApp, "orders.write"));
        in(tenant, () -> permissions.revoke(webApp, "orders.write"));

        assertThat(in(tenant, () -> permissions.of(webApp))).containsExactly("orders.read");
    }

    @Test
    void grantWhenTheScopeIsMalformedThenRefuses() {
        assertThatThrownBy(() -> in(tenant, () -> permissions.grant(webApp, "orders read")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> in(tenant, () -> permissions.grant(webApp, "x".repeat(129))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grantWhenTheApplicationIsPublicOrUnknownThenRefuses() {
        UUID spa = ContractRows.application(jdbc, tenant.id(), "SPA");

        assertThatThrownBy(() -> in(tenant, () -> permissions.grant(spa, "orders.read")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> in(tenant, () -> permissions.grant(UUID.randomUUID(), "orders.read")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(in(tenant, () -> permissions.of(spa))).isEmpty();
    }

    @Test
    void anotherTenantNeitherSeesNorGrantsToNorRevokesFromTheApplication() {
        Tenant other = TestTenants.create(tenants);
        in(tenant, () -> permissions.grant(webApp, "orders.read"));

        assertThat(in(other, () -> permissions.of(webApp))).isEmpty();
        assertThatThrownBy(() -> in(other, () -> permissions.grant(webApp, "orders.write")))
                .isInstanceOf(IllegalArgumentException.class);
        in(other, () -> permissions.revoke(webApp, "orders.read"));

        assertThat(in(tenant, () -> permissions.of(webApp))).containsExactly("orders.read");
    }

    private static <T> T in(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }

    private static void in(Tenant tenant, Runnable work) {
        TenantContext.run(tenant, work);
    }
}
