package dev.foyer.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.foyer.tenant.DatabaseTest;
import dev.foyer.tenant.ReadCaches;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.tenant.TestTenants;
import dev.foyer.testing.TestClock;

@DatabaseTest
abstract class JdbcApplicationRepositoryTests {

    @Autowired
    ApplicationRepository applications;

    @Autowired
    TenantRepository tenants;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;

    @BeforeEach
    void createTenant() {
        tenant = TestTenants.create(tenants);
    }

    @Test
    void registerWhenNoClientIdThenAssignsOneAndFindsIt() {
        Application registered = TenantContext.call(tenant, () -> applications.register(webApp()));

        assertThat(registered.clientId()).isNotNull();
        TenantContext.run(tenant, () -> {
            Application found = applications.findByClientId(registered.clientId()).orElseThrow();
            assertThat(found.displayName()).isEqualTo("Contoso web");
            assertThat(found.type()).isEqualTo(ApplicationType.WEB);
            assertThat(found.redirectUris()).containsExactlyInAnyOrderElementsOf(registered.redirectUris());
            assertThat(found.logoutUrl()).contains("https://contoso.example.com/signed-out");
            assertThat(applications.findByClientId(registered.clientId().toString())).contains(found);
            assertThat(applications.findAll()).contains(found);
        });
    }

    @Test
    void registerWhenClientIdGivenThenKeepsIt() {
        UUID clientId = UUID.randomUUID();
        Application spa = new Application(clientId, "SPA", ApplicationType.SPA, List.of("http://localhost:3000"),
                Optional.empty());

        assertThat(TenantContext.call(tenant, () -> applications.register(spa)).clientId()).isEqualTo(clientId);
        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(clientId)).contains(spa));
    }

    @Test
    void registerWhenClientIdAlreadyRegisteredThenIllegalArgument() {
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));

        assertThatThrownBy(() -> TenantContext.run(tenant, () -> applications.register(app)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
    }

    @Test
    void hasRedirectUriWhenExactMatchOnlyThenTrue() {
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));

        assertThat(app.hasRedirectUri("https://contoso.example.com/signin-oidc")).isTrue();
        assertThat(app.hasRedirectUri("https://contoso.example.com/signin-oidc/")).isFalse();
        assertThat(app.hasRedirectUri("https://CONTOSO.example.com/signin-oidc")).isFalse();
        assertThat(app.hasRedirectUri("https://contoso.example.com:443/signin-oidc")).isFalse();
        assertThat(app.hasRedirectUri(null)).isFalse();
    }

    @Test
    void registerWhenRedirectUriInvalidThenIllegalArgumentAndNothingWritten() {
        Application bad = new Application(null, "Bad", ApplicationType.WEB,
                List.of("https://ok.example.com/cb", "http://evil.example.com/cb"), Optional.empty());

        assertThatThrownBy(() -> TenantContext.run(tenant, () -> applications.register(bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://evil.example.com/cb");
        TenantContext.run(tenant, () -> assertThat(applications.findAll()).isEmpty());
    }

    @Test
    void findByClientIdWhenApplicationOfAnotherTenantThenEmpty() {
        Tenant other = TestTenants.create(tenants);
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));

        TenantContext.run(other, () -> {
            assertThat(applications.findByClientId(app.clientId())).isEmpty();
            assertThat(applications.findByClientId(app.clientId().toString())).isEmpty();
            assertThat(applications.findAll()).isEmpty();
        });
    }

    @Test
    void findByClientIdWhenUnparsableThenEmpty() {
        TenantContext.run(tenant, () -> {
            assertThat(applications.findByClientId("not-a-guid")).isEmpty();
            assertThat(applications.findByClientId("1-1-1-1-1")).isEmpty();
            assertThat(applications.findByClientId((String) null)).isEmpty();
        });
    }

    @Test
    void findAllWhenSeveralThenEachWithItsOwnRedirectUris() {
        TenantContext.run(tenant, () -> {
            applications.register(webApp());
            applications.register(new Application(null, "Native", ApplicationType.NATIVE,
                    List.of("com.contoso.app:/cb"), Optional.empty()));

            assertThat(applications.findAll()).extracting(Application::displayName, Application::redirectUris)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Contoso web",
                                    List.of("https://contoso.example.com/signin-oidc", "https://localhost:5001/signin-oidc")),
                            org.assertj.core.groups.Tuple.tuple("Native", List.of("com.contoso.app:/cb")));
        });
    }

    @Test
    void updateRedirectUrisWhenValidThenReplacesThemAndKeepsTheClientId() {
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));

        Application updated = TenantContext.call(tenant, () -> applications.updateRedirectUris(app.clientId(),
                List.of("https://contoso.example.com/new-signin", "http://localhost:7000/signin-oidc")));

        assertThat(updated.clientId()).isEqualTo(app.clientId());
        TenantContext.run(tenant, () -> {
            Application found = applications.findByClientId(app.clientId()).orElseThrow();
            assertThat(found.redirectUris()).containsExactlyInAnyOrder("https://contoso.example.com/new-signin",
                    "http://localhost:7000/signin-oidc");
            assertThat(found.displayName()).isEqualTo("Contoso web");
            assertThat(found.logoutUrl()).isEqualTo(app.logoutUrl());
            assertThat(applications.findAll()).hasSize(1);
        });
    }

    @Test
    void updateRedirectUrisWhenARuleIsBrokenThenIllegalArgumentAndNothingChanges() {
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));

        assertThatThrownBy(() -> TenantContext.run(tenant, () -> applications.updateRedirectUris(app.clientId(),
                List.of("https://ok.example.com/cb", "http://evil.example.com/cb"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://evil.example.com/cb");
        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(app.clientId()).orElseThrow()
                .redirectUris()).containsExactlyInAnyOrderElementsOf(app.redirectUris()));
    }

    @Test
    void updateRedirectUrisWhenApplicationOfAnotherTenantThenIllegalArgumentAndNothingChanges() {
        Tenant other = TestTenants.create(tenants);
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));

        assertThatThrownBy(() -> TenantContext.run(other, () -> applications.updateRedirectUris(app.clientId(),
                List.of("https://attacker.example.com/cb"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No application");
        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(app.clientId()).orElseThrow()
                .redirectUris()).containsExactlyInAnyOrderElementsOf(app.redirectUris()));
    }

    @Test
    void isConfidentialOnlyForWeb() {
        assertThat(ApplicationType.WEB.isConfidential()).isTrue();
        assertThat(ApplicationType.SPA.isConfidential()).isFalse();
        assertThat(ApplicationType.NATIVE.isConfidential()).isFalse();
    }

    @Test
    void updateWhenApplicationWasReadBeforeThenThisNodeSeesTheChangeAtOnce() {
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));
        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(app.clientId())).contains(app));

        TenantContext.run(tenant, () -> applications.updateRedirectUris(app.clientId(),
                List.of("https://contoso.example.com/new")));

        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(app.clientId()).orElseThrow()
                .redirectUris()).containsExactly("https://contoso.example.com/new"));
    }

    @Test
    void deleteWhenApplicationWasReadBeforeThenThisNodeFindsItNoMore() {
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));
        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(app.clientId())).contains(app));

        TenantContext.run(tenant, () -> applications.delete(app.clientId()));

        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(app.clientId())).isEmpty());
    }

    @Test
    void changeOnAnotherNodeThenSeenHereOnceTheTimeToLiveHasPassed() {
        Duration ttl = Duration.ofSeconds(3);
        TestClock clock = new TestClock(Instant.parse("2026-11-28T10:00:00Z"));
        JdbcApplicationRepository thisNode = new JdbcApplicationRepository(jdbc, new ReadCaches(ttl, 100, clock));
        JdbcApplicationRepository otherNode = new JdbcApplicationRepository(jdbc, new ReadCaches(ttl, 100, clock));
        Application app = TenantContext.call(tenant, () -> thisNode.register(webApp()));
        TenantContext.run(tenant, () -> assertThat(thisNode.findByClientId(app.clientId())).contains(app));

        Application renamed = new Application(app.clientId(), "Renamed", app.type(), app.redirectUris(),
                app.logoutUrl());
        TenantContext.run(tenant, () -> otherNode.update(renamed));

        TenantContext.run(tenant, () -> assertThat(thisNode.findByClientId(app.clientId())).contains(app));
        clock.advance(ttl.plusMillis(1));
        TenantContext.run(tenant, () -> assertThat(thisNode.findByClientId(app.clientId())).contains(renamed));
        TenantContext.run(tenant, () -> otherNode.delete(app.clientId()));
        clock.advance(ttl.plusMillis(1));
        TenantContext.run(tenant, () -> assertThat(thisNode.findByClientId(app.clientId())).isEmpty());
    }

    @Test
    void findByClientIdWhenReadInOneTenantThenAnotherTenantStillDoesNotSeeIt() {
        Tenant other = TestTenants.create(tenants);
        Application app = TenantContext.call(tenant, () -> applications.register(webApp()));
        TenantContext.run(tenant, () -> assertThat(applications.findByClientId(app.clientId())).contains(app));

        TenantContext.run(other, () -> assertThat(applications.findByClientId(app.clientId())).isEmpty());
    }

    private static Application webApp() {
        return new Application(null, "Contoso web", ApplicationType.WEB,
                List.of("https://contoso.example.com/signin-oidc", "https://localhost:5001/signin-oidc"),
                Optional.of("https://contoso.example.com/signed-out"));
    }
}
