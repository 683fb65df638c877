package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;

/**
 * The application's side of the protocol for end-to-end tests of the {@code B2C_1_susi} flow:
 * a person who signed up, code exchange at any token URL, token verification against the keys
 * the discovery document publishes, and raw requests whose headers a test wants to read.
 */
abstract class FlowEndToEndTest extends EndToEndTest {

    static final String FLOW = "B2C_1_susi";

    /** Someone who just signed up in {@code browser}, and the tokens the web app got for it. */
    record SignedUp(Browser browser, String email, JsonNode tokens, JWTClaimsSet idToken) {
        String subject() {
            return idToken.getSubject();
        }

        String rawIdToken() {
            return tokens.get("id_token").asString();
        }

        long authTime() {
            try {
                return idToken.getLongClaim("auth_time");
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Signs a new person up in a new browser through the web app's code flow. */
    SignedUp signedUp(TestTenant t) throws Exception {
        return signedUp(t, browser());
    }

    SignedUp signedUp(TestTenant t, Browser browser) throws Exception {
        String email = uniqueEmail();
        Browser.Response page = browser.open(authorizeUrl(t, FLOW, Map.of()));
        assertThat(isSignInPage(page)).as(page.body()).isTrue();
        Map<String, String> response = appResponse(signUp(browser, page, email, PASSWORD), t.webRedirectUri());
        JsonNode tokens = exchange(t, tokenUrl(t), response.get("code"));
        return new SignedUp(browser, email, tokens, verified(t, tokens.get("id_token").asString()));
    }

    static boolean isSignInPage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst("form#localAccountForm") != null;
    }

    /** {@code {origin}/{tenant}/b2c_1_susi/{rest}}: an endpoint in canonical form. */
    String endpoint(TestTenant t, String rest) {
        return origin() + "/" + t.name() + "/" + FLOW.toLowerCase() + "/" + rest;
    }

    String tokenUrl(TestTenant t) {
        return endpoint(t, "oauth2/v2.0/token");
    }

    JsonNode discovery(TestTenant t) {
        Browser.Response response = get(endpoint(t, "v2.0/.well-known/openid-configuration"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return jsonOf(response);
    }

    /** Exchanges {@code code} (no PKCE) at {@code tokenUrl}, authenticating the web app with HTTP Basic. */
    JsonNode exchange(TestTenant t, String tokenUrl, String code) {
        Browser.Response response = postToken(t, tokenUrl, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", t.webRedirectUri()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return jsonOf(response);
    }

    Browser.Response postToken(TestTenant t, String tokenUrl, Map<String, String> params) {
        return send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (t.webClientId() + ":" + t.webClientSecret()).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(params))));
    }

    /** The claims of {@code jwt}, after checking its RS256 signature with the key its kid names in the JWKS. */
    JWTClaimsSet verified(TestTenant t, String jwt) throws Exception {
        SignedJWT parsed = SignedJWT.parse(jwt);
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        JWKSet keys = JWKSet.parse(get(discovery(t).get("jwks_uri").asString()).body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(parsed.getHeader().getKeyID());
        assertThat(key).as("published key " + parsed.getHeader().getKeyID()).isNotNull();
        assertThat(parsed.verify(new RSASSAVerifier(key))).as("signature").isTrue();
        return parsed.getJWTClaimsSet();
    }

    Browser.Response get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    Browser.Response getWithBearer(String url, String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + accessToken).GET());
    }

    /** Like {@link Browser#submit} but does not follow the answer, so its headers can be read. */
    static Browser.Response submitWithoutFollowing(Browser browser, Browser.Response page, String formSelector,
                                                   String buttonSelector, Map<String, String> fields) {
        Map<String, String> form = browser.formValues(page, formSelector);
        form.putAll(fields);
        Element button = page.document().selectFirst(formSelector + " " + buttonSelector);
        assertThat(button).as("button " + buttonSelector).isNotNull();
        if (!button.attr("name").isEmpty()) {
            form.put(button.attr("name"), button.attr("value"));
        }
        return browser.post(browser.formAction(page, formSelector), form);
    }

    static List<String> setCookies(Browser.Response response) {
        return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).toList();
    }

    private static Browser.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(),
                    response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
