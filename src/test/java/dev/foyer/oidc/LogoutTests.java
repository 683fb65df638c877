package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RP-initiated logout: it ends the browser's session and returns only to addresses registered for
 * the application; a logout request it cannot trust changes nothing.
 */
class LogoutTests extends FlowEndToEndTest {

    private static final String SIGNED_OUT = "https://app.example/logout";

    @Test
    void logoutWithIdTokenHintRedirectsToTheRegisteredAddressWithStateAndEndsTheSession() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response response = person.browser().get(logoutUrl(t, Map.of("id_token_hint", person.rawIdToken(),
                "post_logout_redirect_uri", SIGNED_OUT, "state", "bye 1")));

        assertThat(response.isRedirect()).as(response.status() + " " + response.body()).isTrue();
        assertThat(response.location()).hasValue(SIGNED_OUT + "?state=bye+1");
        assertThat(isSignInPage(person.browser().open(authorizeUrl(t, FLOW, Map.of())))).isTrue();
        assertThat(appResponse(person.browser().get(authorizeUrl(t, FLOW, Map.of("prompt", "none"))),
                t.webRedirectUri())).containsEntry("error", "login_required");
        assertThat(sessionsOf(person)).isZero();
    }

    @Test
    void aRedirectUriOfTheApplicationIsAlsoAcceptedAfterLogout() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response response = person.browser().get(logoutUrl(t, Map.of("id_token_hint", person.rawIdToken(),
                "post_logout_redirect_uri", "https://app.example/signed-out")));

        assertThat(response.location()).hasValue("https://app.example/signed-out");
    }

    @Test
    void anUnregisteredPostLogoutRedirectUriIsNeverRedirectedTo() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response response = person.browser().get(logoutUrl(t, Map.of("id_token_hint", person.rawIdToken(),
                "post_logout_redirect_uri", "https://evil.example/logout", "state", "x")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.location()).isEmpty();
        assertThat(response.document().getElementById("signedOut")).isNotNull();
        assertThat(response.pageError()).contains("not registered");
        assertThat(response.body()).doesNotContain("evil.example");
    }

    @Test
    void logoutWithoutHintOrClientRedirectsToAnAddressRegisteredInTheTenantAndEndsTheSession() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        // As MSAL's logoutRedirect sends it: no id_token_hint, no client_id.
        Browser.Response response = person.browser().get(logoutUrl(t, Map.of(
                "post_logout_redirect_uri", t.spaRedirectUri())));

        assertThat(response.location()).hasValue(t.spaRedirectUri());
        assertThat(sessionsOf(person)).isZero();
    }

    @Test
    void logoutWithoutHintOrClientNeverRedirectsToAnAddressOfAnotherTenant() throws Exception {
        TestTenant other = newTenant();
        TenantContext.run(other.tenant(), () -> applications.updateRedirectUris(other.spaClientId(),
                List.of("http://localhost:4555/")));
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response response = person.browser().get(logoutUrl(t, Map.of(
                "post_logout_redirect_uri", "http://localhost:4555/")));

        assertThat(response.location()).isEmpty();
        assertThat(response.pageError()).contains("not registered");
    }

    @Test
    void anUnregisteredPostLogoutRedirectUriWithoutHintOrClientIsNeverRedirectedTo() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response response = person.browser().get(logoutUrl(t, Map.of(
                "post_logout_redirect_uri", "https://evil.example/logout")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.location()).isEmpty();
        assertThat(response.pageError()).contains("not registered");
    }

    @Test
    void aForgedIdTokenHintIsRefusedWithAPageAndTheSessionStays() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        SignedJWT genuine = SignedJWT.parse(person.rawIdToken());
        RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(attackerKey.getKeyID()).type(JOSEObjectType.JWT).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(attackerKey));

        String accessToken = person.tokens().get("access_token").asString();
        String otherTenants = signedUp(newTenant()).rawIdToken();
        for (String hint : new String[] {forged.serialize(), "not-a-jwt", accessToken, otherTenants}) {
            Browser.Response response = person.browser().get(logoutUrl(t, Map.of("id_token_hint", hint,
                    "post_logout_redirect_uri", SIGNED_OUT)));

            assertThat(response.status()).as(hint).isEqualTo(400);
            assertThat(response.location()).isEmpty();
            assertThat(response.pageError()).contains("id_token_hint");
        }
        assertStillSignedIn(t, person);
    }

    @Test
    void aClientIdThatDisagreesWithTheHintIsRefusedAndTheSessionStays() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);

        Browser.Response response = person.browser().get(logoutUrl(t, Map.of("id_token_hint", person.rawIdToken(),
                "client_id", t.spaClientId().toString(), "post_logout_redirect_uri", SIGNED_OUT)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.location()).isEmpty();
        assertThat(response.pageError()).contains("client_id");
        assertStillSignedIn(t, person);
    }

    @Test
    void logoutWithThePolicyInTheQueryWorks() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("p", FLOW);
        params.put("id_token_hint", person.rawIdToken());
        params.put("post_logout_redirect_uri", SIGNED_OUT);
        params.put("state", "q");

        Browser.Response response = person.browser().get("/" + t.name() + "/oauth2/v2.0/logout?"
                + Browser.encode(params));

        assertThat(response.location()).hasValue(SIGNED_OUT + "?state=q");
        assertThat(sessionsOf(person)).isZero();
        assertThat(isSignInPage(person.browser().open(authorizeUrl(t, FLOW, Map.of())))).isTrue();
    }

    private String logoutUrl(TestTenant t, Map<String, String> params) {
        return "/" + t.name() + "/" + FLOW.toLowerCase() + "/oauth2/v2.0/logout?" + Browser.encode(params);
    }

    private long sessionsOf(SignedUp person) {
        return jdbc.sql("select count(*) from sso_session where object_id = ?")
                .param(UUID.fromString(person.subject())).query(Long.class).single();
    }

    private void assertStillSignedIn(TestTenant t, SignedUp person) {
        assertThat(sessionsOf(person)).isEqualTo(1);
        assertThat(appResponse(person.browser().get(authorizeUrl(t, FLOW, Map.of("prompt", "none"))),
                t.webRedirectUri())).containsKey("code");
    }
}
