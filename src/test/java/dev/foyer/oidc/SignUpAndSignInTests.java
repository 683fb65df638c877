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
import java.time.Instant;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sign-up, then sign-in, through the hosted pages with a browser that follows the real forms; the
 * app side exchanges the code with PKCE and verifies the ID token against the published keys.
 */
class SignUpAndSignInTests extends EndToEndTest {

    @Test
    void signUpThenSignInWithCodeFlowAndPkceYieldVerifiedTokensWithEveryClaim() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        Pkce pkce = Pkce.create();
        String authorize = authorizeUrl(t, "B2C_1_susi", Map.of("code_challenge", pkce.challenge(),
                "code_challenge_method", "S256", "nonce", "n-0S6_WzA2Mj", "state", "af0ifjsldkj"));

        Browser.Response signInPage = browser.open(authorize);
        assertThat(signInPage.document().selectFirst("form#localAccountForm")).isNotNull();
        Browser.Response done = signUp(browser, signInPage, email, PASSWORD);
        Map<String, String> response = appResponse(done, t.webRedirectUri());
        assertThat(response).containsEntry("state", "af0ifjsldkj").containsKey("code");

        JsonNode tokens = exchange(t, response.get("code"), pkce.verifier());
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isGreaterThan(300);
        assertThat(tokens.has("not_before")).isTrue();
        assertThat(tokens.has("expires_on")).isTrue();
        assertThat(tokens.get("refresh_token_expires_in").asLong()).isEqualTo(14L * 24 * 3600);
        JWTClaimsSet id = verifiedIdToken(t, tokens.get("id_token").asString());

        JsonNode discovery = discovery(t);
        assertThat(id.getIssuer()).isEqualTo(discovery.get("issuer").asString())
                .isEqualTo(origin() + "/" + t.name() + "/b2c_1_susi/v2.0");
        assertThat(id.getAudience()).containsExactly(t.webClientId().toString());
        assertThat(id.getStringClaim("ver")).isEqualTo("1.0");
        assertThat(id.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(id.getStringClaim("tfp")).isEqualTo("B2C_1_susi");
        assertThat(id.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(id.getSubject()).isEqualTo(id.getStringClaim("oid"));
        assertThat(id.getStringClaim("tid")).isEqualTo(t.tenant().id().toString());
        assertThat(id.getStringListClaim("emails")).containsExactly(email);
        assertThat(id.getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(id.getStringClaim("given_name")).isEqualTo("Ada");
        assertThat(id.getStringClaim("family_name")).isEqualTo("Lovelace");
        assertThat(id.getStringClaim("idp")).isEqualTo("LocalAccount");
        assertThat(id.getBooleanClaim("newUser")).isTrue();
        long authTime = id.getLongClaim("auth_time");
        assertThat(authTime).isBetween(Instant.now().minusSeconds(120).getEpochSecond(), Instant.now().getEpochSecond());
        assertThat(id.getNotBeforeTime()).isNotNull();
        assertThat(id.getExpirationTime().getTime() - id.getIssueTime().getTime()).isEqualTo(3600_000L);

        // The same person, in a new browser: the password again, and no longer a new user.
        Browser second = browser();
        Pkce pkce2 = Pkce.create();
        Browser.Response page = second.open(authorizeUrl(t, "B2C_1_susi", Map.of(
                "code_challenge", pkce2.challenge(), "code_challenge_method", "S256")));
        Map<String, String> again = appResponse(signIn(second, page, email.toUpperCase(), PASSWORD), t.webRedirectUri());
        JWTClaimsSet signedIn = verifiedIdToken(t, exchange(t, again.get("code"), pkce2.verifier())
                .get("id_token").asString());
        assertThat(signedIn.getSubject()).isEqualTo(id.getSubject());
        assertThat(signedIn.getClaim("newUser")).isNull();
        assertThat(signedIn.getStringListClaim("amr")).containsExactly("pwd");

        // Userinfo answers for the access token of that flow.
        Browser.Response userinfo = bearer(t, tokens.get("access_token").asString());
        assertThat(userinfo.status()).isEqualTo(200);
        assertThat(jsonOf(userinfo).get("sub").asString()).isEqualTo(id.getSubject());
    }

    @Test
    void idTokenWithFormPostIsDeliveredAsAnAutoSubmittedFormThatWorksWithoutJavaScript() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of(
                "response_type", "id_token", "response_mode", "form_post", "scope", "openid",
                "nonce", "nonce-form-post", "state", "s1")));
        Browser.Response formPost = signUp(browser, page, email, PASSWORD);

        assertThat(formPost.status()).isEqualTo(200);
        Element form = formPost.document().selectFirst("form#auto");
        assertThat(form.attr("method")).isEqualToIgnoringCase("post");
        assertThat(form.attr("action")).isEqualTo(t.webRedirectUri());
        assertThat(form.selectFirst("button#continue")).as("a button for browsers without JavaScript").isNotNull();
        Map<String, String> posted = browser.formValues(formPost, "form#auto");
        assertThat(posted).containsEntry("state", "s1").doesNotContainKey("code");
        JWTClaimsSet id = verifiedIdToken(t, posted.get("id_token"));
        assertThat(id.getStringClaim("nonce")).isEqualTo("nonce-form-post");
        assertThat(id.getStringListClaim("emails")).containsExactly(email);
        assertThat(id.getBooleanClaim("newUser")).isTrue();
        assertThat(formPost.header("Content-Security-Policy").orElse("")).doesNotContain("unsafe-inline");
    }

    @Test
    void hybridCodeIdTokenInFragmentCarriesCHashOfTheCode() throws Exception {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of(
                "response_type", "code id_token", "nonce", "n-hybrid")));
        Browser.Response done = signUp(browser, page, uniqueEmail(), PASSWORD);
        assertThat(done.location().orElseThrow()).startsWith(t.webRedirectUri() + "#");
        Map<String, String> fragment = appResponse(done, t.webRedirectUri());
        JWTClaimsSet id = verifiedIdToken(t, fragment.get("id_token"));
        assertThat(id.getStringClaim("c_hash")).isEqualTo(
                com.nimbusds.openid.connect.sdk.claims.CodeHash.compute(
                        new com.nimbusds.oauth2.sdk.AuthorizationCode(fragment.get("code")), JWSAlgorithm.RS256).getValue());
        assertThat(token(t, "B2C_1_susi", Map.of("grant_type", "authorization_code", "code", fragment.get("code"),
                "redirect_uri", t.webRedirectUri())).status()).isEqualTo(200);
    }

    JsonNode exchange(TestTenant t, String code, String verifier) {
        Browser.Response response = token(t, "B2C_1_susi", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", t.webRedirectUri(), "code_verifier", verifier));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return jsonOf(response);
    }

    JsonNode discovery(TestTenant t) {
        return jsonOf(browser().get("/" + t.name() + "/b2c_1_susi/v2.0/.well-known/openid-configuration"));
    }

    /** Verifies the signature with the key the discovery document's jwks_uri publishes under the token's kid. */
    JWTClaimsSet verifiedIdToken(TestTenant t, String idToken) throws Exception {
        SignedJWT jwt = SignedJWT.parse(idToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        String jwksUri = discovery(t).get("jwks_uri").asString();
        JWKSet keys = JWKSet.parse(browser().get(jwksUri).body());
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(key).as("published key " + jwt.getHeader().getKeyID()).isNotNull();
        assertThat(key.isPrivate()).isFalse();
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    Browser.Response bearer(TestTenant t, String accessToken) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    origin() + "/" + t.name() + "/b2c_1_susi/openid/v2.0/userinfo"))
                    .header("Authorization", "Bearer " + accessToken).GET().build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
