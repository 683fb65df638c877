package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * What the protocol tests do as an application: get a code for a signed-in person, call the token
 * and userinfo endpoints with exactly the headers they choose, and look at the stored grant state
 * to prove that a refused request changed nothing.
 */
abstract class ProtocolEndToEndTest extends EndToEndTest {

    static final String SUSI = "B2C_1_susi";

    /** A person signed up in {@code browser} (which keeps the SSO session) and a first code with PKCE. */
    record SignedIn(Browser browser, String email, String code, Pkce pkce) {
    }

    /** Signs a new person up through B2C_1_susi for the web app; the code was requested with PKCE. */
    SignedIn signedUp(TestTenant t) {
        Browser browser = browser();
        String email = uniqueEmail();
        Pkce pkce = Pkce.create();
        Browser.Response page = browser.open(authorizeUrl(t, SUSI, Map.of(
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        Map<String, String> response = appResponse(signUp(browser, page, email, PASSWORD), t.webRedirectUri());
        assertThat(response).containsKey("code");
        return new SignedIn(browser, email, response.get("code"), pkce);
    }

    /** Another code for the web app from {@code flow}, issued at once thanks to the browser's SSO session. */
    String codeFromSession(TestTenant t, Browser browser, String flow, Pkce pkce) {
        Browser.Response response = browser.open(authorizeUrl(t, flow, Map.of(
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        Map<String, String> params = appResponse(response, t.webRedirectUri());
        assertThat(params).as("a code from the SSO session").containsKey("code");
        return params.get("code");
    }

    Map<String, String> codeGrant(TestTenant t, String code, Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", t.webRedirectUri());
        params.put("code_verifier", pkce.verifier());
        return params;
    }

    /** Redeems a code at B2C_1_susi with the web app's secret, expecting success. */
    JsonNode redeem(TestTenant t, String code, Pkce pkce) {
        Browser.Response response = token(t, SUSI, codeGrant(t, code, pkce));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return jsonOf(response);
    }

    JsonNode refresh(TestTenant t, String refreshToken) {
        Browser.Response response = token(t, SUSI, Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return jsonOf(response);
    }

    /** POSTs a form to {@code path} with the given extra headers, nothing else. */
    Browser.Response postForm(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form)));
        headers.forEach(builder::header);
        return send(builder);
    }

    static Map<String, String> basic(UUID clientId, String secret) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    static String tokenPath(String tenant, String flow) {
        return "/" + tenant + "/" + flow + "/oauth2/v2.0/token";
    }

    /** GETs the flow's userinfo endpoint with the access token as a bearer token. */
    Browser.Response userinfo(TestTenant t, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(origin() + "/" + t.name() + "/b2c_1_susi/openid/v2.0/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET());
    }

    /** Asserts a token-endpoint error: status, RFC 6749 code, a description, and never cached. */
    void assertTokenError(Browser.Response response, int status, String error) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        JsonNode body = jsonOf(response);
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("error_description").asString()).isNotBlank();
        assertThat(body.has("access_token")).isFalse();
        assertThat(response.header("Cache-Control")).contains("no-store");
    }

    /** The stored row of a code, to show a refused redemption did not consume it. */
    boolean codeRedeemed(String code) {
        return jdbc.sql("select count(*) from authorization_code where code_hash = ? and redeemed_at is not null")
                .param(OpaqueTokens.hash(code)).query(Integer.class).single() == 1;
    }

    /** How many grants of the tenant were revoked (code or refresh-token replay). */
    int revokedGrants(TestTenant t) {
        return jdbc.sql("select count(*) from oauth_grant where tenant_id = ? and revoked_at is not null")
                .param(t.tenant().id()).query(Integer.class).single();
    }

    /** How many journeys the tenant has: a refused authorize request must not start one. */
    int journeys(TestTenant t) {
        return jdbc.sql("select count(*) from journey where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    private static Browser.Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(builder.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
