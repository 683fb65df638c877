package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowType;
import java.text.ParseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The token endpoint as an application meets it: codes are redeemed once, only with their PKCE
 * verifier, redirect URI, flow, tenant and client; refresh tokens rotate and a replay revokes the
 * whole sign-in. A refused request answers with an RFC 6749 error and consumes nothing.
 */
class TokenEndpointTests extends ProtocolEndToEndTest {

    @Test
    void authorizationCodeWhenVerifierIsMissingOrWrongThenInvalidGrantAndTheCodeStaysRedeemable() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);

        Map<String, String> missing = codeGrant(t, s.code(), s.pkce());
        missing.remove("code_verifier");
        assertTokenError(token(t, SUSI, missing), 400, "invalid_grant");
        assertTokenError(token(t, SUSI, codeGrant(t, s.code(), Pkce.create())), 400, "invalid_grant");
        Map<String, String> challengeAsVerifier = codeGrant(t, s.code(), s.pkce());
        challengeAsVerifier.put("code_verifier", s.pkce().challenge());
        assertTokenError(token(t, SUSI, challengeAsVerifier), 400, "invalid_grant");
        Map<String, String> tooShort = codeGrant(t, s.code(), s.pkce());
        tooShort.put("code_verifier", "short");
        assertTokenError(token(t, SUSI, tooShort), 400, "invalid_grant");

        assertThat(codeRedeemed(s.code())).isFalse();
        assertThat(revokedGrants(t)).isZero();
        assertThat(redeem(t, s.code(), s.pkce()).get("access_token").asString()).isNotBlank();
    }

    @Test
    void authorizationCodeWhenReplayedThenInvalidGrantAndTheTokensItIssuedAreRevoked() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        JsonNode first = redeem(t, s.code(), s.pkce());
        String accessToken = first.get("access_token").asString();
        assertThat(userinfo(t, accessToken).status()).isEqualTo(200);

        assertTokenError(token(t, SUSI, codeGrant(t, s.code(), s.pkce())), 400, "invalid_grant");

        assertTokenError(token(t, SUSI, Map.of("grant_type", "refresh_token",
                "refresh_token", first.get("refresh_token").asString())), 400, "invalid_grant");
        Browser.Response userinfo = userinfo(t, accessToken);
        assertThat(userinfo.status()).isEqualTo(401);
        assertThat(userinfo.header("WWW-Authenticate").orElseThrow()).startsWith("Bearer").contains("invalid_token");
    }

    @Test
    void authorizationCodeWhenExpiredThenInvalidGrant() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        // Simulates the code's lifetime passing: it expired a minute ago.
        jdbc.sql("update authorization_code set expires_at = ? where code_hash = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), OpaqueTokens.hash(s.code())).update();

        Browser.Response response = token(t, SUSI, codeGrant(t, s.code(), s.pkce()));

        assertTokenError(response, 400, "invalid_grant");
        assertThat(jsonOf(response).get("error_description").asString()).contains("expired");
        assertThat(codeRedeemed(s.code())).isFalse();
    }

    @Test
    void authorizationCodeWhenRedirectUriDiffersThenInvalidGrantAndTheCodeStaysRedeemable() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);

        Map<String, String> otherRegistered = codeGrant(t, s.code(), s.pkce());
        otherRegistered.put("redirect_uri", "https://app.example/signed-out");
        Map<String, String> trailingSlash = codeGrant(t, s.code(), s.pkce());
        trailingSlash.put("redirect_uri", t.webRedirectUri() + "/");
        Map<String, String> missing = codeGrant(t, s.code(), s.pkce());
        missing.remove("redirect_uri");

        assertTokenError(token(t, SUSI, otherRegistered), 400, "invalid_grant");
        assertTokenError(token(t, SUSI, trailingSlash), 400, "invalid_grant");
        assertTokenError(token(t, SUSI, missing), 400, "invalid_grant");
        assertThat(codeRedeemed(s.code())).isFalse();
        redeem(t, s.code(), s.pkce());
    }

    @Test
    void authorizationCodeWhenRedeemedAtAnotherFlowThenInvalidGrantAndStillRedeemableAtItsOwn() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> flows.create("susi_other", UserFlowType.SIGN_UP_OR_SIGN_IN,
                definition(MfaSettings.OFF)));
        SignedIn s = signedUp(t);

        assertTokenError(token(t, "B2C_1_susi_other", codeGrant(t, s.code(), s.pkce())), 400, "invalid_grant");
        assertTokenError(token(t, "B2C_1_susi_mfa", codeGrant(t, s.code(), s.pkce())), 400, "invalid_grant");

        assertThat(codeRedeemed(s.code())).isFalse();
        assertThat(revokedGrants(t)).isZero();
        redeem(t, s.code(), s.pkce());
    }

    @Test
    void authorizationCodeOfOneTenantIsRefusedAtAnotherTenant() {
        TestTenant t = newTenant();
        TestTenant other = newTenant();
        SignedIn s = signedUp(t);
        Map<String, String> grant = codeGrant(t, s.code(), s.pkce());

        // The other tenant's own app cannot redeem it, and this tenant's app is unknown there.
        assertTokenError(postForm(tokenPath(other.name(), SUSI), grant,
                basic(other.webClientId(), other.webClientSecret())), 400, "invalid_grant");
        assertTokenError(postForm(tokenPath(other.name(), SUSI), grant,
                basic(t.webClientId(), t.webClientSecret())), 401, "invalid_client");

        assertThat(codeRedeemed(s.code())).isFalse();
        redeem(t, s.code(), s.pkce());
    }

    @Test
    void clientSecretPostAuthenticatesTheWebApp() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        Map<String, String> grant = codeGrant(t, s.code(), s.pkce());
        grant.put("client_id", t.webClientId().toString());
        grant.put("client_secret", t.webClientSecret());

        Browser.Response response = tokenRequest(t, SUSI, grant, false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(jsonOf(response).get("id_token").asString()).isNotBlank();
    }

    @Test
    void clientAuthenticationWhenSecretIsWrongOrMissingThenInvalidClientAndTheCodeStaysRedeemable() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        Map<String, String> grant = codeGrant(t, s.code(), s.pkce());

        Browser.Response wrongBasic = postForm(tokenPath(t.name(), SUSI), grant,
                basic(t.webClientId(), t.webClientSecret() + "x"));
        assertTokenError(wrongBasic, 401, "invalid_client");
        assertThat(wrongBasic.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");

        Map<String, String> wrongPost = new LinkedHashMap<>(grant);
        wrongPost.put("client_id", t.webClientId().toString());
        wrongPost.put("client_secret", "not-the-secret");
        assertTokenError(tokenRequest(t, SUSI, wrongPost, false), 401, "invalid_client");
        Map<String, String> noSecret = new LinkedHashMap<>(grant);
        noSecret.put("client_id", t.webClientId().toString());
        assertTokenError(tokenRequest(t, SUSI, noSecret, false), 401, "invalid_client");
        assertTokenError(tokenRequest(t, SUSI, grant, false), 401, "invalid_client");

        assertThat(codeRedeemed(s.code())).isFalse();
        redeem(t, s.code(), s.pkce());
    }

    @Test
    void publicSpaRedeemsItsCodeWithPkceAndNoSecret() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Pkce pkce = Pkce.create();
        Browser.Response page = browser.open(authorizeUrl(t, SUSI, Map.of(
                "client_id", t.spaClientId().toString(), "redirect_uri", t.spaRedirectUri(),
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        String code = appResponse(signUp(browser, page, uniqueEmail(), PASSWORD), t.spaRedirectUri()).get("code");
        Map<String, String> grant = new LinkedHashMap<>(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", t.spaRedirectUri(), "client_id", t.spaClientId().toString(),
                "code_verifier", pkce.verifier()));

        Map<String, String> withSecret = new LinkedHashMap<>(grant);
        withSecret.put("client_secret", "anything");
        assertTokenError(postForm(tokenPath(t.name(), SUSI), withSecret, Map.of()), 401, "invalid_client");
        assertThat(codeRedeemed(code)).isFalse();

        Browser.Response response = postForm(tokenPath(t.name(), SUSI), grant, Map.of());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode tokens = jsonOf(response);
        assertThat(tokens.get("access_token").asString()).isNotBlank();
        assertThat(tokens.get("id_token").asString()).isNotBlank();
    }

    @Test
    void authorizationCodeIssuedToOneAppIsRefusedForAnotherAppOfTheSameTenant() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        Map<String, String> asSpa = codeGrant(t, s.code(), s.pkce());
        asSpa.put("client_id", t.spaClientId().toString());

        assertTokenError(postForm(tokenPath(t.name(), SUSI), asSpa, Map.of()), 400, "invalid_grant");

        assertThat(codeRedeemed(s.code())).isFalse();
        assertThat(revokedGrants(t)).isZero();
        redeem(t, s.code(), s.pkce());
    }

    @Test
    void refreshTokenRotatesAndTheNewTokensKeepTheSameSubjectAndAuthTime() throws ParseException {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        JsonNode first = redeem(t, s.code(), s.pkce());
        JWTClaimsSet firstId = claims(first.get("id_token").asString());

        JsonNode second = refresh(t, first.get("refresh_token").asString());

        assertThat(second.get("refresh_token").asString()).isNotBlank()
                .isNotEqualTo(first.get("refresh_token").asString());
        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        JWTClaimsSet secondId = claims(second.get("id_token").asString());
        assertThat(secondId.getSubject()).isEqualTo(firstId.getSubject());
        assertThat(secondId.getLongClaim("auth_time")).isEqualTo(firstId.getLongClaim("auth_time"));
        assertThat(secondId.getClaim("newUser")).as("no longer a new user").isNull();
        Browser.Response userinfo = userinfo(t, second.get("access_token").asString());
        assertThat(userinfo.status()).isEqualTo(200);
        assertThat(jsonOf(userinfo).get("sub").asString()).isEqualTo(firstId.getSubject());
        JsonNode third = refresh(t, second.get("refresh_token").asString());
        assertThat(claims(third.get("id_token").asString()).getSubject()).isEqualTo(firstId.getSubject());
    }

    @Test
    void refreshTokenWhenARotatedOneIsReplayedThenInvalidGrantAndTheWholeFamilyIsRevoked() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        JsonNode first = redeem(t, s.code(), s.pkce());
        JsonNode second = refresh(t, first.get("refresh_token").asString());

        assertTokenError(token(t, SUSI, Map.of("grant_type", "refresh_token",
                "refresh_token", first.get("refresh_token").asString())), 400, "invalid_grant");

        assertTokenError(token(t, SUSI, Map.of("grant_type", "refresh_token",
                "refresh_token", second.get("refresh_token").asString())), 400, "invalid_grant");
        assertThat(userinfo(t, second.get("access_token").asString()).status()).isEqualTo(401);
        assertThat(revokedGrants(t)).isEqualTo(1);
    }

    @Test
    void refreshTokenWhenUnknownOrOfAnotherFlowThenInvalidGrantAndNothingIsRevoked() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);
        JsonNode first = redeem(t, s.code(), s.pkce());
        String refreshToken = first.get("refresh_token").asString();

        assertTokenError(token(t, SUSI, Map.of("grant_type", "refresh_token",
                "refresh_token", OpaqueTokens.generate())), 400, "invalid_grant");
        assertTokenError(token(t, "B2C_1_susi_mfa", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken)), 400, "invalid_grant");

        assertThat(revokedGrants(t)).isZero();
        refresh(t, refreshToken);
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "implicit",
            "urn:ietf:params:oauth:grant-type:device_code", "urn:ietf:params:oauth:grant-type:jwt-bearer"})
    void grantTypeWhenUnsupportedThenUnsupportedGrantType(String grantType) {
        TestTenant t = newTenant();

        Browser.Response response = token(t, SUSI, Map.of("grant_type", grantType,
                "username", "someone@example.com", "password", PASSWORD, "scope", "openid"));

        assertTokenError(response, 400, "unsupported_grant_type");
    }

    @Test
    void grantTypeWhenMissingThenInvalidRequest() {
        TestTenant t = newTenant();

        assertTokenError(token(t, SUSI, Map.of("code", "abc")), 400, "invalid_request");
    }

    @Test
    void tokenResponsesAreNeverCachedAndLiveLongerThanFiveMinutes() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);

        Browser.Response fromCode = token(t, SUSI, codeGrant(t, s.code(), s.pkce()));
        Browser.Response fromRefresh = token(t, SUSI, Map.of("grant_type", "refresh_token",
                "refresh_token", jsonOf(fromCode).get("refresh_token").asString()));

        for (Browser.Response response : new Browser.Response[] {fromCode, fromRefresh}) {
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.header("Cache-Control")).contains("no-store");
            // MSAL serves a cached token only while more than 300 seconds remain.
            assertThat(jsonOf(response).get("expires_in").asLong()).isGreaterThan(300);
            assertThat(jsonOf(response).get("token_type").asString()).isEqualTo("Bearer");
        }
    }

    @Test
    void tokenAnswersAreJsonSentWithTheirLengthNotChunked() {
        TestTenant t = newTenant();
        SignedIn s = signedUp(t);

        Browser.Response tokens = token(t, SUSI, codeGrant(t, s.code(), s.pkce()));
        Browser.Response refused = token(t, SUSI, codeGrant(t, s.code(), s.pkce()));

        assertThat(tokens.status()).isEqualTo(200);
        assertTokenError(refused, 400, "invalid_grant");
        for (Browser.Response response : new Browser.Response[] {tokens, refused}) {
            assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
            assertThat(response.header("Content-Length")).contains(
                    String.valueOf(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            assertThat(response.header("Transfer-Encoding")).isEmpty();
            assertThat(response.header("Cache-Control")).contains("no-store");
        }
    }

    private static JWTClaimsSet claims(String jwt) throws ParseException {
        return SignedJWT.parse(jwt).getJWTClaimsSet();
    }
}
