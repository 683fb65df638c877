package dev.foyer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.application.ClientSecrets;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.testing.Browser;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowRepository;
import dev.foyer.userflow.UserFlowType;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything a tenant set up, and everything its users did, survives a restart: the real
 * application is started on a data directory, used through HTTP, stopped, and started again on the
 * same directory. The tests then talk to the second server only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestartTests {

    private static final String PASSWORD = "Correct-Horse-42";
    private static final String FLOW = "B2C_1_susi";
    private static final String REDIRECT_URI = "https://app.example/signin-oidc";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final String dataDir = "./target/test-data/restart-" + UUID.randomUUID();

    // Recorded in the first run.
    private Tenant tenant;
    private UUID clientId;
    private String clientSecret;
    private UUID flowId;
    private String email;
    private String subject;
    private String kid;
    private String refreshToken;
    private UUID contosoId;

    private Server second;

    @BeforeAll
    void useTheServerThenRestartItOnTheSameDataDirectory() throws Exception {
        try (ConfigurableApplicationContext context = start()) {
            Server first = new Server(context);
            setUpTenant(first);
            contosoId = first.tenants().findByNameOrId("contoso").orElseThrow().id();

            email = "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Browser browser = first.browser();
            Browser.Response done = first.signUp(browser, browser.open(authorizeUrl()), email);
            JsonNode tokens = first.redeem(redirectParameters(done).get("code"), clientSecret);
            SignedJWT idToken = SignedJWT.parse(tokens.get("id_token").asString());
            subject = idToken.getJWTClaimsSet().getSubject();
            assertThat(idToken.getJWTClaimsSet().getBooleanClaim("newUser")).isTrue();
            kid = idToken.getHeader().getKeyID();
            assertThat(first.publishedKeys().getKeyByKeyId(kid)).as("kid " + kid + " published").isNotNull();
            refreshToken = tokens.get("refresh_token").asString();
        }
        second = new Server(start());
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.context().close();
        }
    }

    @Test
    void userSignsInAfterRestartWithTheSamePasswordAndKeepsTheirSubject() throws Exception {
        Browser browser = second.browser();
        Browser.Response done = second.signIn(browser, browser.open(authorizeUrl()), email);
        JWTClaimsSet claims = SignedJWT.parse(second.redeem(redirectParameters(done).get("code"), clientSecret)
                .get("id_token").asString()).getJWTClaimsSet();

        assertThat(claims.getSubject()).isEqualTo(subject);
        assertThat(claims.getStringListClaim("emails")).containsExactly(email);
        assertThat(claims.getClaim("newUser")).isNull();
    }

    @Test
    void wrongPasswordAfterRestartIsStillRefused() {
        Browser browser = second.browser();
        Browser.Response page = second.signIn(browser, browser.open(authorizeUrl()), email, "Wrong-Horse-42");
        assertThat(page.isRedirect()).as("stays on the sign-in page").isFalse();
        assertThat(page.pageError()).isNotBlank();
    }

    @Test
    void clientSecretAndRefreshTokenIssuedBeforeRestartStillWork() throws Exception {
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "refresh_token", refreshToken);

        Browser.Response wrongSecret = second.tokenRequest(refresh, "not-the-secret");
        assertThat(wrongSecret.status()).as(wrongSecret.body()).isEqualTo(401);
        assertThat(second.json(wrongSecret).get("error").asString()).isEqualTo("invalid_client");

        Browser.Response refreshed = second.tokenRequest(refresh, clientSecret);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JWTClaimsSet claims = SignedJWT.parse(second.json(refreshed).get("id_token").asString()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(subject);
        assertThat(claims.getAudience()).containsExactly(clientId.toString());
    }

    @Test
    void appAndFlowCreatedBeforeRestartStillExist() {
        TenantContext.run(tenant, () -> {
            Application app = second.applications().findByClientId(clientId).orElseThrow();
            assertThat(app.displayName()).isEqualTo("Restart Web App");
            assertThat(app.hasRedirectUri(REDIRECT_URI)).isTrue();
            UserFlow flow = second.flows().findByName(FLOW).orElseThrow();
            assertThat(flow.id()).isEqualTo(flowId);
            assertThat(flow.properties().mfa().isOn()).isFalse();
        });
        Browser.Response discovery = second.browser().get(flowPath() + "/v2.0/.well-known/openid-configuration");
        assertThat(discovery.status()).isEqualTo(200);
        assertThat(second.json(discovery).get("issuer").asString()).isEqualTo(second.origin() + flowPath() + "/v2.0");
    }

    @Test
    void signingKeyBeforeRestartIsStillPublishedAndSignsNewIdTokens() throws Exception {
        JWKSet published = second.publishedKeys();
        assertThat(published.getKeys()).extracting(JWK::getKeyID).contains(kid);

        Browser browser = second.browser();
        Browser.Response done = second.signIn(browser, browser.open(authorizeUrl()), email);
        SignedJWT idToken = SignedJWT.parse(second.redeem(redirectParameters(done).get("code"), clientSecret)
                .get("id_token").asString());
        assertThat(idToken.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(idToken.getHeader().getKeyID()).isEqualTo(kid);
        assertThat(idToken.verify(new RSASSAVerifier((RSAKey) published.getKeyByKeyId(kid)))).isTrue();
    }

    @Test
    void demoTenantIsSeededOnlyOnceAcrossRestarts() {
        List<Tenant> contoso = second.tenants().findAll().stream()
                .filter(t -> t.name().equalsIgnoreCase("contoso")).toList();
        assertThat(contoso).hasSize(1);
        assertThat(contoso.get(0).id()).isEqualTo(contosoId);
        TenantContext.run(contoso.get(0), () -> {
            assertThat(second.applications().findAll()).filteredOn(a -> a.displayName().equals("Contoso Auto Insurance"))
                    .hasSize(1);
            assertThat(second.flows().findAll()).extracting(UserFlow::name)
                    .containsExactlyInAnyOrder("B2C_1_susi", "B2C_1_susi_mfa", "B2C_1_password_reset",
                            "B2C_1_profile_edit");
        });
    }

    /**
     * Starts the real application. Command-line arguments, because properties given to the
     * builder are only defaults, which application.properties (data-dir, ports) would override.
     */
    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(FoyerApplication.class).run(
                "--server.port=0",
                "--foyer.tls.port=0",
                "--foyer.data-dir=" + dataDir,
                "--foyer.passwords.argon2.memory-kib=1024",
                "--foyer.passwords.argon2.iterations=1");
    }

    private void setUpTenant(Server first) {
        UUID id = UUID.randomUUID();
        tenant = new Tenant(id, "r" + id.toString().substring(0, 8), "Restart tenant");
        first.tenants().add(tenant);
        TenantContext.run(tenant, () -> {
            Application app = first.applications().register(new Application(UUID.randomUUID(), "Restart Web App",
                    ApplicationType.WEB, List.of(REDIRECT_URI), Optional.empty()));
            clientId = app.clientId();
            clientSecret = first.secrets().issue(clientId).secret();
            flowId = first.flows().create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN, new UserFlowDefinition(
                    List.of(UserFlowDefinition.LOCAL_ACCOUNT), List.of("displayName", "givenName", "surname"),
                    List.of("emails", "name", "given_name", "family_name", "oid", "tid", "idp", "newUser"),
                    UserFlowProperties.DEFAULTS.withMfa(MfaSettings.OFF))).id();
        });
    }

    private String flowPath() {
        return "/" + tenant.name() + "/" + FLOW.toLowerCase();
    }

    private String authorizeUrl() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId.toString());
        params.put("redirect_uri", REDIRECT_URI);
        params.put("response_type", "code");
        params.put("scope", "openid offline_access");
        params.put("state", "state-" + UUID.randomUUID());
        params.put("nonce", "nonce-" + UUID.randomUUID());
        return flowPath() + "/oauth2/v2.0/authorize?" + Browser.encode(params);
    }

    private static Map<String, String> redirectParameters(Browser.Response response) {
        assertThat(response.isRedirect()).as("redirect to the app, got " + response.status() + ":\n"
                + response.body()).isTrue();
        String location = response.location().orElseThrow();
        assertThat(location).startsWith(REDIRECT_URI + "?");
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0],
                        p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    /** One running application and what the tests do with it over HTTP. */
    private final class Server {

        private final ConfigurableApplicationContext context;
        private final String origin;

        Server(ConfigurableApplicationContext context) {
            this.context = context;
            this.origin = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        }

        ConfigurableApplicationContext context() {
            return context;
        }

        String origin() {
            return origin;
        }

        TenantRepository tenants() {
            return context.getBean(TenantRepository.class);
        }

        ApplicationRepository applications() {
            return context.getBean(ApplicationRepository.class);
        }

        ClientSecrets secrets() {
            return context.getBean(ClientSecrets.class);
        }

        UserFlowRepository flows() {
            return context.getBean(UserFlowRepository.class);
        }

        Browser browser() {
            return new Browser(origin);
        }

        JsonNode json(Browser.Response response) {
            return context.getBean(JsonMapper.class).readTree(response.body());
        }

        Browser.Response signUp(Browser browser, Browser.Response signInPage, String email) {
            Browser.Response emailPage = browser.submit(signInPage, "form#localAccountForm", "button#createAccount",
                    Map.of());
            Browser.Response codePage = browser.submit(emailPage, "form#attributeVerification",
                    "button#email_ver_but_send", Map.of("email", email));
            Browser.Response details = browser.submit(codePage, "form#attributeVerification",
                    "button#email_ver_but_verify", Map.of("code", latestCode(email)));
            assertThat(details.document().getElementById("newPassword")).as(details.body()).isNotNull();
            return browser.submit(details, "form#attributeVerification", "button#continue", Map.of(
                    "newPassword", PASSWORD, "reenterPassword", PASSWORD,
                    "displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace"));
        }

        Browser.Response signIn(Browser browser, Browser.Response signInPage, String email) {
            return signIn(browser, signInPage, email, PASSWORD);
        }

        Browser.Response signIn(Browser browser, Browser.Response signInPage, String email, String password) {
            return browser.submit(signInPage, "form#localAccountForm", "button#next",
                    Map.of("signInName", email, "password", password));
        }

        private String latestCode(String email) {
            JsonNode messages = Awaitility.await().atMost(Duration.ofSeconds(10))
                    .until(() -> json(browser().get("/dev/outbox.json?to=" + email)), array -> !array.isEmpty());
            Matcher matcher = CODE.matcher(messages.get(0).get("body").asString());
            assertThat(matcher.find()).as("a code in the message").isTrue();
            return matcher.group(1);
        }

        JsonNode redeem(String code, String secret) {
            Browser.Response response = tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                    "redirect_uri", REDIRECT_URI), secret);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return json(response);
        }

        Browser.Response tokenRequest(Map<String, String> params, String secret) {
            String basic = Base64.getEncoder().encodeToString(
                    (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpRequest request = HttpRequest.newBuilder(URI.create(origin + flowPath() + "/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(params))).build();
            try {
                HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                        HttpResponse.BodyHandlers.ofString());
                return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(),
                        response.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        JWKSet publishedKeys() throws Exception {
            String jwksUri = json(browser().get(flowPath() + "/v2.0/.well-known/openid-configuration"))
                    .get("jwks_uri").asString();
            return JWKSet.parse(browser().get(jwksUri).body());
        }
    }
}
