package dev.foyer.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
abstract class JdbcClientSecretsTests {

    @Autowired
    ClientSecrets secrets;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    TenantRepository tenants;

    @Autowired
    JdbcClient jdbc;

    Tenant tenant;
    UUID clientId;

    @BeforeEach
    void registerWebApp() {
        tenant = TestTenants.create(tenants);
        clientId = TenantContext.call(tenant, () -> applications.register(new Application(null, "Web",
                ApplicationType.WEB, List.of("https://app.example.com/cb"), Optional.empty()))).clientId();
    }

    private static final Duration TTL = Duration.ofSeconds(3);

    /** A node of its own: its own read cache with {@link #TTL}, on the shared database. */
    private JdbcClientSecrets node(TestClock clock, Duration lifetime) {
        return new JdbcClientSecrets(jdbc, lifetime, clock, new ReadCaches(TTL, 100, clock));
    }

    @Test
    void issueThenVerifiesAndHintIsItsStart() {
        IssuedSecret issued = TenantContext.call(tenant, () -> secrets.issue(clientId));

        assertThat(issued.secret()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(issued.hint()).isEqualTo(issued.secret().substring(0, 3));
        assertThat(issued.toString()).doesNotContain(issued.secret());
        TenantContext.run(tenant, () -> {
            assertThat(secrets.verify(clientId, issued.secret())).isTrue();
            assertThat(secrets.verify(clientId, issued.secret() + "x")).isFalse();
            assertThat(secrets.verify(clientId, "")).isFalse();
            assertThat(secrets.verify(clientId, null)).isFalse();
            assertThat(secrets.verify(UUID.randomUUID(), issued.secret())).isFalse();
        });
    }

    @Test
    void issueThenDatabaseNeverHoldsThePlaintext() {
        IssuedSecret issued = TenantContext.call(tenant, () -> secrets.issue(clientId));

        List<String> stored = jdbc.sql("select secret_hash from client_secret where id = :id")
                .param("id", issued.secretId()).query(String.class).list();
        assertThat(stored).singleElement().asString().startsWith("sha256:").doesNotContain(issued.secret());
        assertThat(jdbc.sql("select count(*) from client_secret where secret_hash like :s or hint like :s")
                .param("s", "%" + issued.secret() + "%").query(Integer.class).single()).isZero();
    }

    @Test
    void revokeThenNoLongerVerifiesButOtherSecretsDo() {
        IssuedSecret first = TenantContext.call(tenant, () -> secrets.issue(clientId));
        IssuedSecret second = TenantContext.call(tenant, () -> secrets.issue(clientId));

        TenantContext.run(tenant, () -> {
            secrets.revoke(first.secretId());
            assertThat(secrets.verify(clientId, first.secret())).isFalse();
            assertThat(secrets.verify(clientId, second.secret())).isTrue();
        });
    }

    @Test
    void verifyWhenExpiredThenFalse() {
        IssuedSecret issued = TenantContext.call(tenant, () -> secrets.issue(clientId));
        jdbc.sql("update client_secret set expires_at = :past where id = :id")
                .param("past", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .param("id", issued.secretId()).update();

        assertThat(TenantContext.call(tenant, () -> secrets.verify(clientId, issued.secret()))).isFalse();
    }

    @Test
    void verifyAndRevokeWhenAnotherTenantThenNoEffect() {
        Tenant other = TestTenants.create(tenants);
        IssuedSecret issued = TenantContext.call(tenant, () -> secrets.issue(clientId));

        TenantContext.run(other, () -> {
            assertThat(secrets.verify(clientId, issued.secret())).isFalse();
            secrets.revoke(issued.secretId());
            assertThatThrownBy(() -> secrets.issue(clientId)).isInstanceOf(IllegalArgumentException.class);
        });
        assertThat(TenantContext.call(tenant, () -> secrets.verify(clientId, issued.secret()))).isTrue();
    }

    @Test
    void revokeOnAnotherNodeThenRefusedHereOnceTheTimeToLiveHasPassed() {
        TestClock clock = new TestClock(Instant.now());
        JdbcClientSecrets thisNode = node(clock, Duration.ofDays(180));
        JdbcClientSecrets otherNode = node(clock, Duration.ofDays(180));
        IssuedSecret issued = TenantContext.call(tenant, () -> otherNode.issue(clientId));
        assertThat(TenantContext.call(tenant, () -> thisNode.verify(clientId, issued.secret()))).isTrue();

        TenantContext.run(tenant, () -> otherNode.revoke(issued.secretId()));

        assertThat(TenantContext.call(tenant, () -> otherNode.verify(clientId, issued.secret())))
                .as("refused at once where it was revoked").isFalse();
        clock.advance(TTL.plusMillis(1));
        assertThat(TenantContext.call(tenant, () -> thisNode.verify(clientId, issued.secret()))).isFalse();
    }

    @Test
    void issueOnAnotherNodeThenAcceptedHere() {
        TestClock clock = new TestClock(Instant.now());
        JdbcClientSecrets thisNode = node(clock, Duration.ofDays(180));
        IssuedSecret first = TenantContext.call(tenant, () -> thisNode.issue(clientId));
        assertThat(TenantContext.call(tenant, () -> thisNode.verify(clientId, first.secret()))).isTrue();

        IssuedSecret second = TenantContext.call(tenant, () -> node(clock, Duration.ofDays(180)).issue(clientId));

        // A secret this node has not seen is looked up, not refused from the cached list: nothing to wait for.
        assertThat(TenantContext.call(tenant, () -> thisNode.verify(clientId, second.secret()))).isTrue();
    }

    @Test
    void verifyWhenACachedSecretExpiresThenFalse() {
        TestClock clock = new TestClock(Instant.now());
        JdbcClientSecrets node = new JdbcClientSecrets(jdbc, Duration.ofMinutes(10), clock,
                new ReadCaches(Duration.ofHours(1), 100, clock));
        IssuedSecret issued = TenantContext.call(tenant, () -> node.issue(clientId));
        assertThat(TenantContext.call(tenant, () -> node.verify(clientId, issued.secret()))).isTrue();

        clock.advance(Duration.ofMinutes(10));

        assertThat(TenantContext.call(tenant, () -> node.verify(clientId, issued.secret()))).isFalse();
    }

    @Test
    void issueWhenPublicClientThenIllegalArgument() {
        UUID spa = TenantContext.call(tenant, () -> applications.register(new Application(null, "SPA",
                ApplicationType.SPA, List.of("https://spa.example.com/"), Optional.empty()))).clientId();

        assertThatThrownBy(() -> TenantContext.run(tenant, () -> secrets.issue(spa)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("web applications");
    }
}
