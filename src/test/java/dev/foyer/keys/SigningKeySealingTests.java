package dev.foyer.keys;

import static dev.foyer.keys.KeyFixtures.generate;
import static dev.foyer.keys.KeyFixtures.newKey;
import static dev.foyer.keys.KeyFixtures.sign;
import static dev.foyer.keys.KeyFixtures.verifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.secrets.SecretBox;
import dev.foyer.secrets.SecretUnreadableException;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Sealing of stored signing keys at start, against a bare database per test (no Spring context),
 * once per backend (see the subclasses): plain-text rows sealed, previous-key rows sealed again,
 * rows no key opens refused.
 */
abstract class SigningKeySealingTests {

    private static final List<String> PRIVATE_PARAMETERS = List.of("d", "p", "q", "dp", "dq", "qi");

    private final String oldKey = newKey();
    private final String newKey = newKey();
    private DataSource dataSource;
    private JdbcClient jdbc;
    private Tenant tenant;

    /** A new, empty database (or schema) that the test may migrate and fill. */
    abstract DataSource newDatabase();

    @BeforeEach
    void database() {
        dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        tenant = TestTenants.create(jdbc);
    }

    @Test
    void sealPlaintextKeysWhenRowHoldsPrivateJwkInPlainTextThenSealsItAndKeepsPublicPart() throws Exception {
        RSAKey key = generate();
        insertPlaintext(tenant, key);
        SecretBox box = SecretBox.of(newKey, List.of());

        assertThat(sealing(box).sealPlaintextKeys()).isEqualTo(1);

        StoredRow row = row(tenant, key.getKeyID());
        assertThat(row.jwkParameters()).doesNotContainKeys(PRIVATE_PARAMETERS.toArray(String[]::new))
                .containsKeys("n", "e", "kid");
        assertThat(row.sealed()).startsWith("v1." + box.currentKeyId() + ".");
        assertThat(row.sealed()).doesNotContain(key.getPrivateExponent().toString());
        assertThat(TenantContext.call(tenant, () -> keys(box).activeKey())).isEqualTo(key);
        assertThat(sealing(box).sealPlaintextKeys()).as("a second run").isZero();
        assertThat(row(tenant, key.getKeyID())).isEqualTo(row);
    }

    @Test
    void sealPlaintextKeysWhenTwoNodesStartAtOnceThenEveryRowSealedOnceAndReadable() throws Exception {
        List<RSAKey> plaintext = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Tenant other = TestTenants.create(jdbc);
            RSAKey key = generate();
            insertPlaintext(other, key);
            plaintext.add(key);
        }
        SecretBox box = SecretBox.of(newKey, List.of());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sealed = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                SigningKeySealing sealing = sealing(box);
                Callable<Integer> run = () -> {
                    start.await();
                    return sealing.sealPlaintextKeys();
                };
                sealed.add(nodes.submit(run));
            }
            start.countDown();

            assertThat(sealed.get(0).get(30, TimeUnit.SECONDS) + sealed.get(1).get(30, TimeUnit.SECONDS))
                    .isEqualTo(plaintext.size());
        } finally {
            nodes.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from signing_key where sealed_private_jwk is null").query(Integer.class)
                .single()).isZero();
        for (RSAKey key : plaintext) {
            Tenant owner = ownerOf(key.getKeyID());
            assertThat(TenantContext.call(owner, () -> keys(box).activeKey())).isEqualTo(key);
        }
    }

    @Test
    void resealUnderCurrentKeyWhenSealedWithPreviousKeyThenSealedAgainAndTokensStillVerify() {
        SecretBox before = SecretBox.of(oldKey, List.of());
        RSAKey original = TenantContext.call(tenant, () -> keys(before).activeKey());
        SignedJWT signedBefore = sign(original);
        SecretBox rotated = SecretBox.of(newKey, List.of(oldKey));

        assertThat(sealing(rotated).resealUnderCurrentKey()).isEqualTo(1);

        assertThat(row(tenant, original.getKeyID()).sealed()).startsWith("v1." + rotated.currentKeyId() + ".");
        assertThat(sealing(rotated).resealUnderCurrentKey()).as("a second run").isZero();
        SecretBox newKeyOnly = SecretBox.of(newKey, List.of());
        TenantContext.run(tenant, () -> {
            RSAKey published = keys(newKeyOnly).findPublished(original.getKeyID()).orElseThrow();
            assertThat(verifies(signedBefore, published)).isTrue();
            assertThat(verifies(sign(keys(newKeyOnly).activeKey()), original)).isTrue();
        });
    }

    @Test
    void resealUnderCurrentKeyWhenNoConfiguredKeyOpensARowThenFailsNamingTheKeyIdAndChangesNothing() {
        SecretBox before = SecretBox.of(oldKey, List.of());
        RSAKey original = TenantContext.call(tenant, () -> keys(before).activeKey());
        StoredRow stored = row(tenant, original.getKeyID());
        SecretBox wrong = SecretBox.of(newKey, List.of(newKey()));

        assertThatThrownBy(() -> sealing(wrong).afterSingletonsInstantiated())
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("is sealed with key id " + before.currentKeyId())
                .hasMessageContaining("signing-key:" + tenant.id() + ":" + original.getKeyID())
                .hasNoCause();
        assertThat(row(tenant, original.getKeyID())).isEqualTo(stored);
    }

    @Test
    void findPublishedWhenSealedKeyCopiedToAnotherTenantThenRefused() {
        SecretBox box = SecretBox.of(newKey, List.of());
        RSAKey original = TenantContext.call(tenant, () -> keys(box).activeKey());
        Tenant attacker = TestTenants.create(jdbc);
        jdbc.sql("""
                        insert into signing_key (tenant_id, kid, status, active_for, jwk, sealed_private_jwk, created_at)
                        select :attacker, kid, status, :attacker, jwk, sealed_private_jwk, created_at
                        from signing_key where tenant_id = :tenant""")
                .param("attacker", attacker.id())
                .param("tenant", tenant.id())
                .update();

        assertThatThrownBy(() -> TenantContext.call(attacker, () -> keys(box).activeKey()))
                .isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("sealed for another record");
        assertThat(TenantContext.call(tenant, () -> keys(box).activeKey())).isEqualTo(original);
    }

    @Test
    void addFirstActiveWhenKeyCreatedThenRowHoldsNoPrivateParameterInTheClear() {
        SecretBox box = SecretBox.of(newKey, List.of());
        RSAKey key = TenantContext.call(tenant, () -> keys(box).activeKey());

        StoredRow row = row(tenant, key.getKeyID());

        assertThat(row.jwkParameters()).doesNotContainKeys(PRIVATE_PARAMETERS.toArray(String[]::new));
        assertThat(row.sealed()).startsWith("v1." + box.currentKeyId() + ".")
                .doesNotContain("\"d\"", key.getPrivateExponent().toString());
    }

    private SigningKeySealing sealing(SecretBox box) {
        return new SigningKeySealing(jdbc, box);
    }

    private SigningKeys keys(SecretBox box) {
        JdbcSigningKeyStore store = new JdbcSigningKeyStore(jdbc, new DataSourceTransactionManager(dataSource), box);
        return new SigningKeys(store, new KeysProperties(Duration.ofDays(14), Duration.ofSeconds(30)));
    }

    /** A row as written before private keys were sealed: the whole private JWK in {@code jwk}. */
    private void insertPlaintext(Tenant owner, RSAKey key) {
        jdbc.sql("""
                        insert into signing_key (tenant_id, kid, status, active_for, jwk, created_at)
                        values (:tenant, :kid, 'ACTIVE', :tenant, :jwk, :now)""")
                .param("tenant", owner.id())
                .param("kid", key.getKeyID())
                .param("jwk", key.toJSONString())
                .param("now", OffsetDateTime.now())
                .update();
    }

    private Tenant ownerOf(String kid) {
        return jdbc.sql("select t.id, t.name, t.display_name from tenant t join signing_key k on k.tenant_id = t.id "
                        + "where k.kid = ?")
                .param(kid)
                .query((rs, row) -> new Tenant(rs.getObject("id", java.util.UUID.class), rs.getString("name"),
                        rs.getString("display_name")))
                .single();
    }

    private StoredRow row(Tenant owner, String kid) {
        return jdbc.sql("select jwk, sealed_private_jwk from signing_key where tenant_id = ? and kid = ?")
                .params(owner.id(), kid)
                .query((rs, row) -> new StoredRow(rs.getString("jwk"), rs.getString("sealed_private_jwk")))
                .single();
    }

    private record StoredRow(String jwk, String sealed) {
        Map<String, Object> jwkParameters() {
            try {
                return com.nimbusds.jose.util.JSONObjectUtils.parse(jwk);
            } catch (java.text.ParseException e) {
                throw new AssertionError(e);
            }
        }
    }
}
