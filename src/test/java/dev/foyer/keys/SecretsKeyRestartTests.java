package dev.foyer.keys;

import static dev.foyer.keys.KeyFixtures.generate;
import static dev.foyer.keys.KeyFixtures.newKey;
import static dev.foyer.keys.KeyFixtures.sign;
import static dev.foyer.keys.KeyFixtures.verifies;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.FoyerApplication;
import dev.foyer.secrets.SecretBox;
import dev.foyer.secrets.SecretUnreadableException;
import dev.foyer.secrets.SecretsKeyException;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signing keys across restarts of a whole server with changing {@code foyer.secrets.*}. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsKeyRestartTests {


    private final String dataDir = "./target/test-data/" + UUID.randomUUID();
    private final String keyA = newKey();
    private final String keyB = newKey();

    @Test
    void startWhenNewKeyWithOldOneAsPreviousThenKeysSealedAgainAndEarlierTokensVerify() {
        Tenant tenant;
        RSAKey original;
        try (ConfigurableApplicationContext first = start(keyA, "")) {
            tenant = TestTenants.create(first.getBean(JdbcClient.class));
            original = TenantContext.call(tenant, () -> first.getBean(SigningKeys.class).activeKey());
        }
        SignedJWT signedBefore = sign(original);

        try (ConfigurableApplicationContext rotated = start(keyB, keyA)) {
            assertThat(sealedWith(rotated, original.getKeyID())).isEqualTo(idOf(keyB));
        }

        try (ConfigurableApplicationContext newKeyOnly = start(keyB, "")) {
            SigningKeys keys = newKeyOnly.getBean(SigningKeys.class);
            TenantContext.run(tenant, () -> {
                assertThat(keys.activeKey().getKeyID()).isEqualTo(original.getKeyID());
                assertThat(verifies(signedBefore, keys.findPublished(original.getKeyID()).orElseThrow())).isTrue();
            });
        }
    }

    @Test
    void startWhenNoConfiguredKeyOpensStoredKeysThenFailsNamingTheKeyIdNeeded(CapturedOutput output) {
        Tenant tenant;
        try (ConfigurableApplicationContext first = start(keyA, "")) {
            tenant = TestTenants.create(first.getBean(JdbcClient.class));
            TenantContext.run(tenant, () -> first.getBean(SigningKeys.class).activeKey());
        }

        assertThatThrownBy(() -> start(keyB, ""))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOf(SecretUnreadableException.class)
                        .hasMessageContaining("is sealed with key id " + idOf(keyA))
                        .hasMessageContaining("neither foyer.secrets.key (id " + idOf(keyB) + ")"));
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START", "is sealed with key id " + idOf(keyA),
                        "Give this node the key with id " + idOf(keyA))
                .doesNotContain("AEADBadTagException", keyA, keyB);
    }

    @Test
    void startWhenConfiguredKeyIsNotThirtyTwoBytesThenFailsWithClearMessage(CapturedOutput output) {
        String shortKey = Base64.getEncoder().encodeToString(new byte[20]);

        assertThatThrownBy(() -> start(shortKey, ""))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOf(SecretsKeyException.class)
                        .hasMessage("foyer.secrets.key decodes to 20 bytes; an AES-256 key is 32 bytes"));
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START", "openssl rand -base64 32")
                .doesNotContain(shortKey);
    }

    @Test
    void startWhenNoKeyConfiguredThenGeneratesOwnerOnlyKeyFileAndReusesItOnRestart(CapturedOutput output)
            throws Exception {
        Tenant tenant;
        String kid;
        try (ConfigurableApplicationContext first = start("", "")) {
            tenant = TestTenants.create(first.getBean(JdbcClient.class));
            kid = TenantContext.call(tenant, () -> first.getBean(SigningKeys.class).activeKey().getKeyID());
        }
        Path keyFile = Path.of(dataDir, "secrets.key");
        String generated = Files.readString(keyFile).strip();
        assertThat(output.getAll()).contains("No FOYER_SECRETS_KEY (foyer.secrets.key) configured")
                .doesNotContain(generated);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        try (ConfigurableApplicationContext second = start("", "")) {
            assertThat(Files.readString(keyFile).strip()).isEqualTo(generated);
            assertThat(sealedWith(second, kid)).isEqualTo(idOf(generated));
            SigningKeys keys = second.getBean(SigningKeys.class);
            assertThat(TenantContext.call(tenant, () -> keys.activeKey().getKeyID())).isEqualTo(kid);
        }
    }

    @Test
    void startWhenRowsHoldPrivateKeysInPlainTextThenSealsThemAndKeepsUsingThem() throws Exception {
        List<Tenant> tenants = new ArrayList<>();
        List<RSAKey> plaintext = new ArrayList<>();
        try (ConfigurableApplicationContext before = start(keyA, "")) {
            JdbcClient jdbc = before.getBean(JdbcClient.class);
            for (int i = 0; i < 3; i++) {
                Tenant tenant = TestTenants.create(jdbc);
                RSAKey key = generate();
                jdbc.sql("""
                                insert into signing_key (tenant_id, kid, status, active_for, jwk, created_at)
                                values (:tenant, :kid, 'ACTIVE', :tenant, :jwk, :now)""")
                        .param("tenant", tenant.id())
                        .param("kid", key.getKeyID())
                        .param("jwk", key.toJSONString())
                        .param("now", OffsetDateTime.now())
                        .update();
                tenants.add(tenant);
                plaintext.add(key);
            }
        }

        try (ConfigurableApplicationContext after = start(keyA, "")) {
            JdbcClient jdbc = after.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from signing_key where sealed_private_jwk is null or jwk like '%\"d\"%'")
                    .query(Integer.class).single()).isZero();
            SigningKeys keys = after.getBean(SigningKeys.class);
            for (int i = 0; i < tenants.size(); i++) {
                RSAKey key = plaintext.get(i);
                assertThat(sealedWith(after, key.getKeyID())).isEqualTo(idOf(keyA));
                assertThat(TenantContext.call(tenants.get(i), keys::activeKey)).isEqualTo(key);
            }
        }
    }

    private ConfigurableApplicationContext start(String key, String previousKeys) {
        return new SpringApplicationBuilder(FoyerApplication.class)
                .web(WebApplicationType.NONE)
                .run("--foyer.data-dir=" + dataDir,
                        "--foyer.demo.enabled=false",
                        "--foyer.secrets.key=" + key,
                        "--foyer.secrets.previous-keys=" + previousKeys);
    }

    private static String sealedWith(ConfigurableApplicationContext context, String kid) {
        String sealed = context.getBean(JdbcClient.class)
                .sql("select sealed_private_jwk from signing_key where kid = ?").param(kid)
                .query(String.class).single();
        return sealed.split("\\.")[1];
    }

    private static String idOf(String key) {
        return SecretBox.of(key, List.of()).currentKeyId();
    }
}
