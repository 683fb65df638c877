package dev.foyer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
abstract class SigningKeysTests {

    // Resolved once: a ${random.uuid} placeholder would yield a new directory on every read.
    static final String DATA_DIR = "./target/test-data/" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    @Autowired
    SigningKeys signingKeys;

    @Autowired
    SigningKeyStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void activeKeyWhenFirstUsedThenCreatesOneRs256SigningKey() {
        Tenant tenant = TestTenants.create(jdbc);

        RSAKey key = TenantContext.call(tenant, signingKeys::activeKey);

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.size()).isEqualTo(2048);
        assertThat(TenantContext.call(tenant, signingKeys::activeKey).getKeyID()).isEqualTo(key.getKeyID());
        assertThat(countKeys(tenant)).isEqualTo(1);
    }

    @Test
    void activeKeyWhenEightNodesUseItFirstAtOnceThenOneActiveKey() throws Exception {
        Tenant tenant = TestTenants.create(jdbc);
        int nodes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<String>> kids = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                // A fresh instance per thread has its own cache, like a separate node.
                SigningKeys node = new SigningKeys(store, properties());
                Callable<String> firstUse = () -> {
                    start.await();
                    return TenantContext.call(tenant, () -> node.activeKey().getKeyID());
                };
                kids.add(pool.submit(firstUse));
            }
            start.countDown();
            Set<String> distinct = new java.util.HashSet<>();
            for (Future<String> kid : kids) {
                distinct.add(kid.get());
            }

            assertThat(distinct).hasSize(1);
            assertThat(countKeys(tenant)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rotateWhenKeyActiveThenSignsWithNewKeyAndStillPublishesOldOne() throws Exception {
        Tenant tenant = TestTenants.create(jdbc);
        TenantContext.run(tenant, () -> {
            RSAKey old = signingKeys.activeKey();
            SignedJWT signedBeforeRotation = sign(old);

            RSAKey rotated = signingKeys.rotate();

            assertThat(rotated.getKeyID()).isNotEqualTo(old.getKeyID());
            assertThat(signingKeys.activeKey().getKeyID()).isEqualTo(rotated.getKeyID());
            assertThat(sign(signingKeys.activeKey()).getHeader().getKeyID()).isEqualTo(rotated.getKeyID());
            assertThat(kids(signingKeys)).containsExactly(rotated.getKeyID(), old.getKeyID());
            RSAKey published = signingKeys.findPublished(signedBeforeRotation.getHeader().getKeyID()).orElseThrow();
            assertThat(verifies(signedBeforeRotation, published)).isTrue();
        });
    }

    @Test
    void publicKeysWhenRetiredKeyPublicationEndsThenOldKeyIsDropped() {
        Tenant tenant = TestTenants.create(jdbc);
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        SigningKeys keys = new SigningKeys(store, properties(), clock);
        TenantContext.run(tenant, () -> {
            String old = keys.activeKey().getKeyID();
            String current = keys.rotate().getKeyID();

            clock.advance(Duration.ofDays(14).minusMinutes(1));
            assertThat(kids(keys)).containsExactly(current, old);

            clock.advance(Duration.ofMinutes(2));
            assertThat(kids(keys)).containsExactly(current);
            assertThat(keys.findPublished(old)).isEmpty();
        });
    }

    @Test
    void activeSignerWhenFirstUsedThenCreatesTheKeyAndSignsWithIt() {
        Tenant tenant = TestTenants.create(jdbc);

        ActiveSigner signer = TenantContext.call(tenant, signingKeys::activeSigner);

        RSAKey key = TenantContext.call(tenant, signingKeys::activeKey);
        assertThat(signer.kid()).isEqualTo(key.getKeyID());
        assertThat(verifies(sign(signer), key)).isTrue();
        assertThat(countKeys(tenant)).isEqualTo(1);
    }

    /** One signer per loaded key, not per token: making a signer rebuilds the JDK private key. */
    @Test
    void activeSignerWhenUsedAgainWithinTheCacheTimeThenSameSigner() {
        Tenant tenant = TestTenants.create(jdbc);

        ActiveSigner first = TenantContext.call(tenant, signingKeys::activeSigner);
        ActiveSigner second = TenantContext.call(tenant, signingKeys::activeSigner);

        assertThat(second.signer()).isSameAs(first.signer());
    }

    @Test
    void activeSignerWhenKeyRotatedHereOrOnAnotherNodeThenSignsWithTheNewKey() {
        Tenant tenant = TestTenants.create(jdbc);
        MutableClock clock = new MutableClock(Instant.now());
        SigningKeys otherNode = new SigningKeys(store, properties(), clock);
        TenantContext.run(tenant, () -> {
            String first = signingKeys.activeSigner().kid();
            assertThat(otherNode.activeSigner().kid()).isEqualTo(first);

            RSAKey rotated = signingKeys.rotate();

            assertThat(signingKeys.activeSigner().kid()).isEqualTo(rotated.getKeyID());
            assertThat(verifies(sign(signingKeys.activeSigner()), rotated)).isTrue();
            assertThat(otherNode.activeSigner().kid()).isEqualTo(first);
            clock.advance(properties().cacheTtl().plusSeconds(1));
            assertThat(otherNode.activeSigner().kid()).isEqualTo(rotated.getKeyID());
        });
    }

    @Test
    void publicKeysWhenPublishedThenCarryNoPrivateParts() {
        Tenant tenant = TestTenants.create(jdbc);

        List<JWK> published = TenantContext.call(tenant, () -> signingKeys.publicKeys().getKeys());

        assertThat(published).hasSize(1).allSatisfy(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.toJSONObject()).doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
        });
    }

    @Test
    void activeKeyWhenServerCreatedKeysThenRowsHoldNoPrivateParameterInTheClear() throws Exception {
        Tenant tenant = TestTenants.create(jdbc);
        RSAKey first = TenantContext.call(tenant, signingKeys::activeKey);
        RSAKey second = TenantContext.call(tenant, signingKeys::rotate);

        List<Map<String, String>> rows = jdbc.sql("select jwk, sealed_private_jwk from signing_key where tenant_id = ?")
                .param(tenant.id())
                .query((rs, row) -> Map.of("jwk", rs.getString("jwk"), "sealed", rs.getString("sealed_private_jwk")))
                .list();

        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(com.nimbusds.jose.util.JSONObjectUtils.parse(row.get("jwk")))
                    .containsKeys("kty", "n", "e", "kid")
                    .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
            assertThat(row.get("sealed")).matches("v1\\.[0-9a-f]{16}\\..+")
                    .doesNotContain("\"d\"", first.getPrivateExponent().toString(),
                            second.getPrivateExponent().toString());
        });
    }

    @Test
    void activeKeyWhenReadByFreshInstanceThenSameKeyFromStore() {
        Tenant tenant = TestTenants.create(jdbc);
        String kid = TenantContext.call(tenant, () -> signingKeys.activeKey().getKeyID());

        SigningKeys restarted = new SigningKeys(store, properties());

        assertThat(TenantContext.call(tenant, () -> restarted.activeKey().getKeyID())).isEqualTo(kid);
    }

    @Test
    void findPublishedWhenKidBelongsToAnotherTenantThenEmpty() {
        Tenant contoso = TestTenants.create(jdbc);
        Tenant fabrikam = TestTenants.create(jdbc);
        String contosoRetiredKid = TenantContext.call(contoso, () -> signingKeys.activeKey().getKeyID());
        String contosoActiveKid = TenantContext.call(contoso, () -> signingKeys.rotate().getKeyID());

        TenantContext.run(fabrikam, () -> {
            assertThat(signingKeys.findPublished(contosoActiveKid)).isEmpty();
            assertThat(signingKeys.findPublished(contosoRetiredKid)).isEmpty();
            assertThat(signingKeys.activeKey().getKeyID()).isNotIn(contosoActiveKid, contosoRetiredKid);
            assertThat(kids(signingKeys)).doesNotContain(contosoActiveKid, contosoRetiredKid);
        });
    }

    private int countKeys(Tenant tenant) {
        return jdbc.sql("select count(*) from signing_key where tenant_id = ?")
                .param(tenant.id()).query(Integer.class).single();
    }

    private static List<String> kids(SigningKeys keys) {
        return keys.publicKeys().getKeys().stream().map(JWK::getKeyID).collect(Collectors.toList());
    }

    private static KeysProperties properties() {
        return new KeysProperties(Duration.ofDays(14), Duration.ofSeconds(30));
    }

    private static SignedJWT sign(RSAKey key) {
        return sign(ActiveSigner.of(key));
    }

    private static SignedJWT sign(ActiveSigner signer) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.kid()).build(),
                    new JWTClaimsSet.Builder().subject("someone").build());
            jwt.sign(signer.signer());
            return jwt;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static boolean verifies(SignedJWT jwt, RSAKey key) {
        try {
            return jwt.verify(new RSASSAVerifier(key.toPublicJWK()));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
