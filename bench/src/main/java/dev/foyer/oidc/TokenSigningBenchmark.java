package dev.foyer.oidc;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import dev.foyer.keys.InMemorySigningKeyStore;
import dev.foyer.keys.KeysProperties;
import dev.foyer.keys.SigningKeys;
import dev.foyer.secrets.SecretBox;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Token signing as the token endpoint does it ({@link TokenIssuer}, the tenant's key from
 * {@link SigningKeys}' cache), beside the bare RS256 signature underneath, so the difference is
 * what Foyer adds per token.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TokenSigningBenchmark {

    private Tenant tenant;
    private TokenIssuer issuer;
    private FlowEndpoint endpoint;
    private Authentication authentication;
    private User user;
    private RSAKey key;
    private java.security.PrivateKey privateKey;
    private byte[] signingInput;

    @Setup
    public void setUp() throws Exception {
        tenant = new Tenant(UUID.randomUUID(), "contoso", "Contoso");
        SigningKeys keys = new SigningKeys(new InMemorySigningKeyStore(),
                new KeysProperties(Duration.ofDays(14), Duration.ofSeconds(30)));
        byte[] sealingKey = new byte[32];
        new java.security.SecureRandom().nextBytes(sealingKey);
        issuer = new TokenIssuer(keys, Clock.systemUTC(),
                SecretBox.of(java.util.Base64.getEncoder().encodeToString(sealingKey), List.of()));
        UserFlowDefinition definition = new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT),
                List.of("displayName", "givenName", "surname"),
                List.of("emails", "name", "given_name", "family_name", "oid", "tid", "idp", "newUser"),
                UserFlowProperties.DEFAULTS);
        endpoint = new FlowEndpoint("http://localhost:8080", tenant,
                new UserFlow(UUID.randomUUID(), "B2C_1_susi", UserFlowType.SIGN_UP_OR_SIGN_IN, definition, 1));
        UUID objectId = UUID.randomUUID();
        authentication = new Authentication(objectId, UUID.randomUUID(), endpoint.flow().id(),
                List.of("openid", "offline_access"), Instant.now(), List.of("pwd"), false, null, null);
        user = new User(objectId, "Ada Lovelace", "Ada", "Lovelace", Map.of(), true, Instant.now(),
                List.of(Identity.emailAddress("contoso", dev.foyer.directory.EmailAddress.parse("ada@example.com"))));
        key = TenantContext.call(tenant, keys::activeKey);
        privateKey = key.toPrivateKey();
        signingInput = (new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build().toBase64URL() + "."
                + Base64URL.encode("x".repeat(460))).getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public String accessToken() {
        return TenantContext.call(tenant, () -> issuer.accessToken(endpoint, authentication, user, UUID.randomUUID())
                .value());
    }

    @Benchmark
    public String idToken() {
        return TenantContext.call(tenant, () -> issuer.idToken(endpoint, authentication, user, "nonce", null,
                "access-token").value());
    }

    /** The bare RS256 signature of a token-sized input with the same key: the floor. */
    @Benchmark
    public byte[] rs256Signature() throws Exception {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(privateKey);
        signature.update(signingInput);
        return signature.sign();
    }

    /** What making a Nimbus signer from the JWK costs (the private key is rebuilt each time). */
    @Benchmark
    public RSASSASigner signerFromJwk() throws JOSEException {
        return new RSASSASigner(key);
    }
}
