package dev.foyer.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a person does on the hosted pages, and what an application does with the protocol, on any node. */
final class Journeys {

    static final String PASSWORD = "Correct-Horse-42";
    static final String FLOW = "B2C_1_susi";
    static final String MFA_FLOW = "B2C_1_susi_mfa";
    private static final JsonMapper JSON = new JsonMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Journeys() {
    }

    static String uniqueEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static String authorizeUrl(TestTenant t, String flow) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", t.webClientId().toString());
        params.put("redirect_uri", t.webRedirectUri());
        params.put("response_type", "code");
        params.put("scope", "openid offline_access");
        params.put("state", "state-" + UUID.randomUUID());
        params.put("nonce", "nonce-" + UUID.randomUUID());
        return "/" + t.name() + "/" + flow.toLowerCase() + "/oauth2/v2.0/authorize?" + Browser.encode(params);
    }

    /** From the sign-in page: "Sign up now", email, the emailed code; returns the page after the code. */
    static Browser.Response verifyEmail(NodeBrowser browser, Browser.Response signInPage, String email,
                                        JdbcClient outbox) {
        Browser.Response emailPage = startSignUp(browser, signInPage);
        return verifyEmail(browser, emailPage, email, outbox, new Object());
    }

    /**
     * On the email page: sends a code and enters it. Journeys that send to one address at once
     * share {@code sendLock}, so each reads the code sent for it.
     */
    static Browser.Response verifyEmail(NodeBrowser browser, Browser.Response emailPage, String email,
                                        JdbcClient outbox, Object sendLock) {
        Browser.Response codePage;
        String code;
        synchronized (sendLock) {
            int before = messagesTo(outbox, email);
            codePage = browser.submit(emailPage, "form#attributeVerification", "button#email_ver_but_send",
                    Map.of("email", email));
            assertThat(codePage.document().getElementById("email_info")).as(codePage.body()).isNotNull();
            code = latestCode(outbox, email, before + 1);
        }
        return browser.submit(codePage, "form#attributeVerification", "button#email_ver_but_verify",
                Map.of("code", code));
    }

    /** From the sign-in page to the email page ("Sign up now"). */
    static Browser.Response startSignUp(NodeBrowser browser, Browser.Response signInPage) {
        return browser.submit(signInPage, "form#localAccountForm", "button#createAccount", Map.of());
    }

    static Browser.Response signIn(NodeBrowser browser, Browser.Response signInPage, String email) {
        return browser.submit(signInPage, "form#localAccountForm", "button#next",
                Map.of("signInName", email, "password", PASSWORD));
    }

    /**
     * On the enrollment page: sends a code to a US number; returns the code page and the code.
     * Journeys that send to one number at once share {@code sendLock}.
     */
    static Map.Entry<Browser.Response, String> sendPhoneCode(NodeBrowser browser, Browser.Response enrollPage,
                                                             String usNumber, JdbcClient outbox, Object sendLock) {
        synchronized (sendLock) {
            int before = messagesTo(outbox, "+1" + usNumber);
            Browser.Response codePage = requestSmsCode(browser, enrollPage, usNumber);
            assertThat(codePage.document().getElementById("verificationCode")).as(codePage.body()).isNotNull();
            return Map.entry(codePage, latestCode(outbox, "+1" + usNumber, before + 1));
        }
    }

    /** On the details page: password and names; returns what follows (the phone step, or the app). */
    static Browser.Response enterDetails(NodeBrowser browser, Browser.Response details) {
        return browser.submit(details, "form#attributeVerification", "button#continue", Map.of(
                "newPassword", PASSWORD, "reenterPassword", PASSWORD,
                "displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace"));
    }

    static boolean isDetailsPage(Browser.Response page) {
        return page.status() == 200 && page.document().getElementById("newPassword") != null;
    }

    /** A whole sign-up from the authorize request; returns what follows the details page. */
    static Browser.Response signUp(NodeBrowser browser, TestTenant t, String flow, String email, JdbcClient outbox) {
        Browser.Response details = verifyEmail(browser, browser.open(authorizeUrl(t, flow)), email, outbox);
        assertThat(isDetailsPage(details)).as(details.body()).isTrue();
        return enterDetails(browser, details);
    }

    static boolean isPhoneEnrollPage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst("form#phoneVerification") != null
                && page.document().getElementById("number") != null;
    }

    /** On the phone enrollment page: a US number, Send Code. */
    static Browser.Response requestSmsCode(NodeBrowser browser, Browser.Response page, String usNumber) {
        return browser.submit(page, "form#phoneVerification", "button#sendCode",
                Map.of("countryCode", "US", "number", usNumber));
    }

    /**
     * Lets the wait before the journey's next phone code pass, as if the time had gone by: moves
     * the moment it ends, held in the journey's state in the shared database, into the past.
     */
    static void letResendWaitPass(JdbcClient jdbc, Browser.Response page) {
        String path = page.uri().getPath();
        String idHash = OpaqueTokens.hash(path.substring(path.lastIndexOf('/') + 1));
        String state = jdbc.sql("select state from journey where id_hash = ?").param(idHash).query(String.class).single();
        String passed = state.replaceFirst("(\"phoneFactor\\.resendAfter\"\\s*:\\s*\")\\d+",
                "$1" + (System.currentTimeMillis() - 1000));
        assertThat(passed).as(state).isNotEqualTo(state);
        jdbc.sql("update journey set state = ? where id_hash = ?").params(passed, idHash).update();
    }

    static Browser.Response enterPhoneCode(NodeBrowser browser, Browser.Response page, String code) {
        return browser.submit(page, "form#phoneVerification", "button#verifyCode", Map.of("verificationCode", code));
    }

    /** The newest code sent to {@code recipient}, once at least {@code expected} messages went to it. */
    static String latestCode(JdbcClient jdbc, String recipient, int expected) {
        List<String> codes = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc
                .sql("select code from outbox_message where recipient = ? order by created_at desc, id")
                .param(recipient).query(String.class).list(), list -> list.size() >= expected);
        return codes.get(0);
    }

    static int messagesTo(JdbcClient jdbc, String recipient) {
        return jdbc.sql("select count(*) from outbox_message where recipient = ?").param(recipient)
                .query(Integer.class).single();
    }

    /** Query parameters of a redirect to the application. */
    static Map<String, String> appResponse(Browser.Response response, TestTenant t) {
        assertThat(response.isRedirect()).as("redirect to the app, got " + response.status() + ":\n"
                + response.body()).isTrue();
        String location = response.location().orElseThrow();
        assertThat(location).startsWith(t.webRedirectUri() + "?");
        return Arrays.stream(URI.create(location).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0],
                        p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }

    /** POSTs to {@code node}'s token endpoint of {@code flow}, the web app authenticating with HTTP Basic. */
    static Browser.Response token(Node node, TestTenant t, String flow, Map<String, String> params) {
        String basic = Base64.getEncoder().encodeToString(
                (t.webClientId() + ":" + t.webClientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        node.address() + "/" + t.name() + "/" + flow.toLowerCase() + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(params))).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException("No answer from " + node, e);
        }
    }

    /** Redeems an authorization code at {@code node}; the token response. */
    static JsonNode redeem(Node node, TestTenant t, String flow, String code) {
        Browser.Response response = token(node, t, flow, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", t.webRedirectUri()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    static Browser.Response refresh(Node node, TestTenant t, String flow, String refreshToken) {
        return token(node, t, flow, Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    /** The keys {@code node} publishes for {@code flow}, found as a relying party finds them: discovery, then jwks_uri. */
    static JWKSet publishedKeys(Node node, TestTenant t, String flow) throws Exception {
        NodeBrowser browser = new NodeBrowser(node);
        Browser.Response discovery = browser.get("/" + t.name() + "/" + flow.toLowerCase()
                + "/v2.0/.well-known/openid-configuration");
        assertThat(discovery.status()).as(discovery.body()).isEqualTo(200);
        String jwksUri = json(discovery).get("jwks_uri").asString();
        assertThat(jwksUri).startsWith(Node.PUBLIC_ORIGIN + "/");
        return JWKSet.parse(browser.get(jwksUri).body());
    }

    static JsonNode json(Browser.Response response) {
        return JSON.readTree(response.body());
    }
}
