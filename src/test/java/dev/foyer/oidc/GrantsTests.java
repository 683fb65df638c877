package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.JdbcTenantRepository;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TestTenants;
import dev.foyer.testing.ContractRows;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The grant store's contract, against a bare migrated database; once per backend. */
abstract class GrantsTests {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private JdbcClient jdbc;
    private Grants grants;
    private JdbcTenantRepository tenants;
    private Tenant tenant;
    private Authentication authentication;

    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        grants = new Grants(jdbc, JsonMapper.builder().build());
        tenants = new JdbcTenantRepository(jdbc);
        tenant = TestTenants.create(tenants);
        authentication = authenticationIn(tenant);
    }

    @Test
    void createThenActiveForItsFlowOnly() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));

        assertThat(active(grant)).isTrue();
        assertThat(in(tenant, () -> grants.isActiveFor(grant, authentication.flowId()))).isTrue();
        assertThat(in(tenant, () -> grants.isActiveFor(grant, UUID.randomUUID()))).isFalse();
        assertThat(active(UUID.randomUUID())).isFalse();
    }

    @Test
    void revokeThenInactive() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));

        in(tenant, () -> grants.revoke(grant, "logout", T0.plusSeconds(5)));
        in(tenant, () -> grants.revoke(grant, "again", T0.plusSeconds(6)));

        assertThat(active(grant)).isFalse();
        assertThat(in(tenant, () -> grants.isActiveFor(grant, authentication.flowId()))).isFalse();
        assertThat(jdbc.sql("select revoked_reason from oauth_grant where id = ?").param(grant)
                .query(String.class).single()).isEqualTo("logout");
    }

    @Test
    void revokeAllOfRevokesEveryGrantOfThatUserOnlyAndKeepsEarlierReasons() {
        UUID first = in(tenant, () -> grants.create(authentication, T0));
        UUID second = in(tenant, () -> grants.create(authentication, T0));
        UUID alreadyRevoked = in(tenant, () -> grants.create(authentication, T0));
        in(tenant, () -> grants.revoke(alreadyRevoked, "logout", T0));
        Authentication someoneElse = new Authentication(ContractRows.user(jdbc, tenant.id()),
                authentication.clientId(), authentication.flowId(), authentication.scopes(), T0, List.of("pwd"), false, null, null);
        UUID others = in(tenant, () -> grants.create(someoneElse, T0));
        Tenant other = TestTenants.create(tenants);

        assertThat(in(other, () -> grants.revokeAllOf(authentication.objectId(), "password_changed", T0)))
                .as("another tenant's call revokes nothing here").isZero();
        int revoked = in(tenant, () -> grants.revokeAllOf(authentication.objectId(), "password_changed",
                T0.plusSeconds(5)));

        assertThat(revoked).isEqualTo(2);
        assertThat(active(first)).isFalse();
        assertThat(active(second)).isFalse();
        assertThat(active(others)).isTrue();
        assertThat(jdbc.sql("select revoked_reason from oauth_grant where id = ?").param(first)
                .query(String.class).single()).isEqualTo("password_changed");
        assertThat(jdbc.sql("select revoked_reason from oauth_grant where id = ?").param(alreadyRevoked)
                .query(String.class).single()).isEqualTo("logout");
    }

    @Test
    void issueCodeThenFindReturnsItsFactsUnredeemed() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));
        Grants.CodeGrant codeGrant = new Grants.CodeGrant(request(authentication), authentication);

        String code = in(tenant, () -> grants.issueCode(grant, codeGrant, T0.plusSeconds(60)));
        Grants.StoredCode stored = in(tenant, () -> grants.findCode(code)).orElseThrow();

        assertThat(stored.grantId()).isEqualTo(grant);
        assertThat(stored.grant()).isEqualTo(codeGrant);
        assertThat(stored.expiresAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(stored.redeemed()).isFalse();
        assertThat(stored.grantActive()).isTrue();
        assertThat(in(tenant, () -> grants.findCode("unknown"))).isEmpty();
    }

    @Test
    void findCodeAndRefreshTokenWhenTheirGrantIsRevokedThenSayItIsNotActive() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));
        String code = in(tenant, () -> grants.issueCode(grant,
                new Grants.CodeGrant(request(authentication), authentication), T0.plusSeconds(60)));
        String token = in(tenant, () -> grants.issueRefreshToken(grant, authentication, T0,
                T0.plus(Duration.ofDays(14)), null));

        in(tenant, () -> grants.revoke(grant, "code_reuse", T0.plusSeconds(5)));

        assertThat(in(tenant, () -> grants.findCode(code)).orElseThrow().grantActive()).isFalse();
        assertThat(in(tenant, () -> grants.findRefreshToken(token)).orElseThrow().grantActive()).isFalse();
    }

    @Test
    void redeemOnceThenTheReplayIsRefused() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));
        String code = in(tenant, () -> grants.issueCode(grant,
                new Grants.CodeGrant(request(authentication), authentication), T0.plusSeconds(60)));

        assertThat(in(tenant, () -> grants.redeem(code, T0.plusSeconds(1)))).isTrue();
        assertThat(in(tenant, () -> grants.redeem(code, T0.plusSeconds(2)))).isFalse();
        assertThat(in(tenant, () -> grants.findCode(code)).orElseThrow().redeemed()).isTrue();
    }

    @Test
    void issueRefreshTokenThenFindReturnsItsFactsUnrotated() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));

        String token = in(tenant, () -> grants.issueRefreshToken(grant, authentication, T0,
                T0.plus(Duration.ofDays(14)), T0.plus(Duration.ofDays(90))));
        String unbounded = in(tenant, () -> grants.issueRefreshToken(grant, authentication, T0,
                T0.plus(Duration.ofDays(14)), null));

        Grants.StoredRefreshToken stored = in(tenant, () -> grants.findRefreshToken(token)).orElseThrow();
        assertThat(stored.grantId()).isEqualTo(grant);
        assertThat(stored.authentication()).isEqualTo(authentication);
        assertThat(stored.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));
        assertThat(stored.familyExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(stored.rotated()).isFalse();
        assertThat(stored.grantActive()).isTrue();
        assertThat(in(tenant, () -> grants.findRefreshToken(unbounded)).orElseThrow().familyExpiresAt()).isNull();
    }

    @Test
    void issueInPlaceOfARotatedTokenThenUnchangedClaimsAreStoredAsReadAndChangedOnesWrittenAnew() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));
        String first = in(tenant, () -> grants.issueRefreshToken(grant, authentication, T0,
                T0.plus(Duration.ofDays(14)), T0.plus(Duration.ofDays(90))));
        // A first refresh: the user is no longer new, so the claims change and are written again.
        Grants.StoredRefreshToken firstStored = in(tenant, () -> grants.findRefreshToken(first)).orElseThrow();
        String second = in(tenant, () -> grants.issueRefreshToken(firstStored, authentication.refreshed(),
                T0.plusSeconds(60), T0.plus(Duration.ofDays(15)), firstStored.familyExpiresAt()));
        assertThat(in(tenant, () -> grants.findRefreshToken(second)).orElseThrow().authentication())
                .isEqualTo(authentication.refreshed());
        // The same claims as another writer laid them out (key order, spacing): kept byte for byte.
        String relaid = "{ \"sealedIdpAccessToken\" : null, " + claimsOf(second).substring(1).replace(",", ", ")
                .replace(", \"sealedIdpAccessToken\":null", "");
        jdbc.sql("update refresh_token set claims = ? where grant_id = ? and rotated_at is null and claims = ?")
                .params(relaid, grant, claimsOf(second)).update();
        Grants.StoredRefreshToken secondStored = in(tenant, () -> grants.findRefreshToken(second)).orElseThrow();
        assertThat(secondStored.authentication()).isEqualTo(authentication.refreshed());

        String third = in(tenant, () -> grants.issueRefreshToken(secondStored, authentication.refreshed(),
                T0.plusSeconds(120), T0.plus(Duration.ofDays(16)), secondStored.familyExpiresAt()));

        assertThat(claimsOf(third)).isEqualTo(relaid);
        Grants.StoredRefreshToken thirdStored = in(tenant, () -> grants.findRefreshToken(third)).orElseThrow();
        assertThat(thirdStored.grantId()).isEqualTo(grant);
        assertThat(thirdStored.authentication()).isEqualTo(authentication.refreshed());
        assertThat(thirdStored.expiresAt()).isEqualTo(T0.plus(Duration.ofDays(16)));
        assertThat(thirdStored.familyExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(90)));
        assertThat(thirdStored.rotated()).isFalse();
    }

    private String claimsOf(String refreshToken) {
        return jdbc.sql("select claims from refresh_token where token_hash = ?")
                .param(dev.foyer.security.OpaqueTokens.hash(refreshToken)).query(String.class).single();
    }

    @Test
    void rotateOnceThenTheReplayIsRefused() {
        UUID grant = in(tenant, () -> grants.create(authentication, T0));
        String token = in(tenant, () -> grants.issueRefreshToken(grant, authentication, T0,
                T0.plus(Duration.ofDays(14)), null));

        assertThat(in(tenant, () -> grants.rotate(token, T0.plusSeconds(1)))).isTrue();
        assertThat(in(tenant, () -> grants.rotate(token, T0.plusSeconds(2)))).isFalse();
        assertThat(in(tenant, () -> grants.findRefreshToken(token)).orElseThrow().rotated()).isTrue();
    }

    @Test
    void deleteExpiredWhenADayPassedSinceARowExpiredThenItGoesAndAGrantWithNoneLeftGoesToo() {
        Grants.CodeGrant codeGrant = new Grants.CodeGrant(request(authentication), authentication);
        UUID signedInOnly = in(tenant, () -> grants.create(authentication, T0));
        String itsCode = in(tenant, () -> grants.issueCode(signedInOnly, codeGrant, T0.plus(Duration.ofMinutes(10))));
        UUID withRefresh = in(tenant, () -> grants.create(authentication, T0));
        String code = in(tenant, () -> grants.issueCode(withRefresh, codeGrant, T0.plus(Duration.ofMinutes(10))));
        String token = in(tenant, () -> grants.issueRefreshToken(withRefresh, authentication, T0,
                T0.plus(Duration.ofDays(1)), null));

        Instant codesExpired = T0.plus(Duration.ofMinutes(10));
        grants.deleteExpired(codesExpired.plus(Duration.ofHours(23)));
        assertThat(in(tenant, () -> grants.findCode(itsCode))).as("an access token from it may still live").isPresent();
        assertThat(active(signedInOnly)).isTrue();

        grants.deleteExpired(codesExpired.plus(Duration.ofHours(25)));
        assertThat(in(tenant, () -> grants.findCode(itsCode))).isEmpty();
        assertThat(in(tenant, () -> grants.findCode(code))).isEmpty();
        assertThat(exists(signedInOnly)).as("nothing of it left").isFalse();
        assertThat(in(tenant, () -> grants.isActiveFor(signedInOnly, authentication.flowId()))).isFalse();
        assertThat(in(tenant, () -> grants.findRefreshToken(token))).isPresent();
        assertThat(active(withRefresh)).as("its refresh token is live").isTrue();

        Instant tokenExpired = T0.plus(Duration.ofDays(1));
        UUID newWithoutRows = in(tenant, () -> grants.create(authentication, tokenExpired.plus(Duration.ofHours(12))));
        grants.deleteExpired(tokenExpired.plus(Duration.ofDays(1)).minusSeconds(1));
        assertThat(in(tenant, () -> grants.findRefreshToken(token))).isPresent();

        grants.deleteExpired(tokenExpired.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(in(tenant, () -> grants.findRefreshToken(token))).isEmpty();
        assertThat(exists(withRefresh)).isFalse();
        assertThat(exists(newWithoutRows)).as("made less than a day ago").isTrue();
    }

    @Test
    void anotherTenantNeitherSeesNorRedeemsNorRotatesNorRevokes() {
        Tenant other = TestTenants.create(tenants);
        UUID grant = in(tenant, () -> grants.create(authentication, T0));
        String code = in(tenant, () -> grants.issueCode(grant,
                new Grants.CodeGrant(request(authentication), authentication), T0.plusSeconds(60)));
        String token = in(tenant, () -> grants.issueRefreshToken(grant, authentication, T0,
                T0.plus(Duration.ofDays(14)), null));

        assertThat(in(other, () -> grants.isActiveFor(grant, authentication.flowId()))).isFalse();
        assertThat(in(other, () -> grants.findCode(code))).isEmpty();
        assertThat(in(other, () -> grants.redeem(code, T0))).isFalse();
        assertThat(in(other, () -> grants.findRefreshToken(token))).isEmpty();
        assertThat(in(other, () -> grants.rotate(token, T0))).isFalse();
        in(other, () -> grants.revoke(grant, "attack", T0));

        assertThat(active(grant)).isTrue();
        assertThat(in(tenant, () -> grants.redeem(code, T0))).isTrue();
        assertThat(in(tenant, () -> grants.rotate(token, T0))).isTrue();
    }

    private Authentication authenticationIn(Tenant owner) {
        return new Authentication(ContractRows.user(jdbc, owner.id()),
                ContractRows.application(jdbc, owner.id(), "WEB"), ContractRows.flow(jdbc, owner.id()),
                List.of("openid", "offline_access"), T0, List.of("pwd"), true, null, null);
    }

    private static AuthorizationRequest request(Authentication authentication) {
        return new AuthorizationRequest(authentication.clientId(), authentication.flowId(), "https://app/cb",
                List.of("code"), "query", List.of("openid"), "state", "nonce", "challenge", null, 300L, "ada",
                List.of(), "en", null);
    }

    private static <T> T in(Tenant tenant, Supplier<T> work) {
        return TenantContext.call(tenant, work);
    }

    private static void in(Tenant tenant, Runnable work) {
        TenantContext.run(tenant, work);
    }

    private boolean exists(UUID grant) {
        return jdbc.sql("select count(*) from oauth_grant where id = ?").param(grant).query(Integer.class).single() == 1;
    }

    /** Whether the grant row exists in this tenant and is not revoked. */
    private boolean active(UUID grant) {
        return jdbc.sql("select count(*) from oauth_grant where id = ? and tenant_id = ? and revoked_at is null")
                .params(grant, tenant.id()).query(Integer.class).single() == 1;
    }
}
