package dev.foyer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.application.ClientSecrets;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowRepository;
import dev.foyer.userflow.UserFlowType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the end-to-end tests: one real server on a random port (shared by every subclass, since
 * they share this configuration), an embedded database in a fresh directory, and helpers that act
 * like a person in a browser and like an application. Each test makes its own tenant, so tests
 * never see each other's users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foyer.passwords.argon2.memory-kib=1024",
        "foyer.passwords.argon2.iterations=1"})
public abstract class EndToEndTest {

    public static final String PASSWORD = "Correct-Horse-42";
    private static final String DATA_DIR = "./target/test-data/e2e-" + UUID.randomUUID();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final SecureRandom RANDOM = new SecureRandom();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected TenantRepository tenants;
    @Autowired
    protected ApplicationRepository applications;
    @Autowired
    protected ClientSecrets clientSecrets;
    @Autowired
    protected UserFlowRepository flows;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected JsonMapper json;

    protected String origin() {
        return "http://localhost:" + port;
    }

    protected Browser browser() {
        return new Browser(origin());
    }

    /** A fresh tenant with a web app, a single-page app and the two demo-like flows. */
    protected TestTenant newTenant() {
        UUID id = UUID.randomUUID();
        Tenant tenant = new Tenant(id, "t" + id.toString().substring(0, 8), "Tenant " + id.toString().substring(0, 4));
        tenants.add(tenant);
        return TenantContext.call(tenant, () -> {
            String webRedirect = "https://app.example/signin-oidc";
            String spaRedirect = "http://localhost:3000/";
            Application web = applications.register(new Application(UUID.randomUUID(), "Web App", ApplicationType.WEB,
                    List.of(webRedirect, "https://app.example/signed-out"), Optional.of("https://app.example/logout")));
            Application spa = applications.register(new Application(UUID.randomUUID(), "SPA", ApplicationType.SPA,
                    List.of(spaRedirect), Optional.empty()));
            String secret = clientSecrets.issue(web.clientId()).secret();
            flows.create("susi", UserFlowType.SIGN_UP_OR_SIGN_IN, definition(MfaSettings.OFF));
            flows.create("susi_mfa", UserFlowType.SIGN_UP_OR_SIGN_IN, definition(MfaSettings.ENABLED));
            return new TestTenant(tenant, web.clientId(), secret, webRedirect, spa.clientId(), spaRedirect);
        });
    }

    protected static UserFlowDefinition definition(MfaSettings mfa) {
        return new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT),
                List.of("displayName", "givenName", "surname"),
                List.of("emails", "name", "given_name", "family_name", "oid", "tid", "idp", "newUser"),
                UserFlowProperties.DEFAULTS.withMfa(mfa));
    }

    protected static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A PKCE verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {
        public static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The authorize URL of {@code flow} for the tenant's web app, with {@code extra} parameters on top. */
    protected String authorizeUrl(TestTenant t, String flow, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", t.webClientId().toString());
        params.put("redirect_uri", t.webRedirectUri());
        params.put("response_type", "code");
        params.put("scope", "openid offline_access");
        params.put("state", "state-" + UUID.randomUUID());
        params.put("nonce", "nonce-" + UUID.randomUUID());
        params.putAll(extra);
        params.values().removeIf(v -> v == null);
        return "/" + t.name() + "/" + flow + "/oauth2/v2.0/authorize?" + Browser.encode(params);
    }

    /** Query or fragment parameters of a redirect to the application. */
    protected static Map<String, String> responseParameters(String location) {
        int start = location.indexOf('#') >= 0 ? location.indexOf('#') : location.indexOf('?');
        assertThat(start).as("parameters in " + location).isPositive();
        return java.util.Arrays.stream(location.substring(start + 1).split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0],
                        p -> java.net.URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    /** The newest one-time code sent to {@code email}, read from the development outbox. */
    protected String latestCode(String email, int expectedMessages) {
        List<JsonNode> messages = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox(email), list -> list.size() >= expectedMessages);
        JsonNode latest = messages.get(0);
        JsonNode code = latest.get("code");
        if (code != null && !code.isNull() && !code.asString().isBlank()) {
            return code.asString();
        }
        Matcher matcher = CODE.matcher(latest.get("body").asString());
        assertThat(matcher.find()).as("a code in the message").isTrue();
        return matcher.group(1);
    }

    protected List<JsonNode> outbox(String email) {
        Browser.Response response = new Browser(origin()).get("/dev/outbox/messages?to=" + email);
        assertThat(response.status()).isEqualTo(200);
        JsonNode array = json.readTree(response.body());
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    /**
     * Signs up through the hosted pages from the sign-in page {@code signInPage}: "Sign up now",
     * email and code, then password and attributes. Returns the response after the last form.
     */
    protected Browser.Response signUp(Browser browser, Browser.Response signInPage, String email, String password) {
        return signUp(browser, signInPage, email, password, sentTo -> latestCode(sentTo, 1));
    }

    /** {@link #signUp(Browser, Browser.Response, String, String)} with the code read by {@code codeSentTo}. */
    public static Browser.Response signUp(Browser browser, Browser.Response signInPage, String email, String password,
                                          Function<String, String> codeSentTo) {
        Browser.Response emailPage = browser.submit(signInPage, "form#localAccountForm", "button#createAccount", Map.of());
        Browser.Response codePage = browser.submit(emailPage, "form#attributeVerification", "button#email_ver_but_send",
                Map.of("email", email));
        assertThat(codePage.document().getElementById("email_info")).as(codePage.body()).isNotNull();
        String code = codeSentTo.apply(email);
        Browser.Response details = browser.submit(codePage, "form#attributeVerification", "button#email_ver_but_verify",
                Map.of("code", code));
        assertThat(details.document().getElementById("newPassword")).as(details.body()).isNotNull();
        return browser.submit(details, "form#attributeVerification", "button#continue", Map.of(
                "newPassword", password, "reenterPassword", password,
                "displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace"));
    }

    /** Signs in on the sign-in page with email and password. */
    protected Browser.Response signIn(Browser browser, Browser.Response signInPage, String email, String password) {
        return browser.submit(signInPage, "form#localAccountForm", "button#next",
                Map.of("signInName", email, "password", password));
    }

    /** The redirect to the application's redirect URI (a response the browser did not follow). */
    protected static Map<String, String> appResponse(Browser.Response response, String redirectUri) {
        assertThat(response.isRedirect()).as("redirect to the app, got " + response.status() + ":\n"
                + response.body()).isTrue();
        assertThat(response.location().get()).startsWith(redirectUri);
        return responseParameters(response.location().get());
    }

    /** POSTs to the token endpoint of {@code flow}, authenticating the web app with HTTP Basic. */
    protected Browser.Response token(TestTenant t, String flow, Map<String, String> params) {
        return tokenRequest(t, flow, params, true);
    }

    protected Browser.Response tokenRequest(TestTenant t, String flow, Map<String, String> params, boolean basic) {
        try {
            var builder = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(origin() + "/" + t.name() + "/" + flow + "/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.encode(params)));
            if (basic) {
                builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (t.webClientId() + ":" + t.webClientSecret()).getBytes(StandardCharsets.UTF_8)));
            }
            var response = java.net.http.HttpClient.newHttpClient().send(builder.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode jsonOf(Browser.Response response) {
        return json.readTree(response.body());
    }
}
