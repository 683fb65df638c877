package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowType;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The federated sign-in journey end to end against a real OpenID Connect provider running in the
 * test (mock-oauth2-server on loopback) through the OpenID Connect connector: discovery, code flow
 * with PKCE, ID token validation. The provider signs in without a page of its own, so the browser
 * goes straight back to Foyer's callback.
 */
class OidcProviderSignInTests extends FederationFlowTest {

    private static final String ISSUER_ID = "upstream";
    /** One provider per test, so a token response a test queued can never reach another test. */
    private MockOAuth2Server server;

    @BeforeEach
    void startProvider() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stopProvider() {
        server.shutdown();
    }

    @Test
    void firstAndSecondSignInWhenTheProviderVouchesThenOneUserWithTheProvidersIdentity() throws Exception {
        TestTenant t = tenantWithProvider(MfaSettings.OFF);
        String subject = "oidc-" + UUID.randomUUID();
        String email = uniqueEmail();
        willIssue(subject, Map.of("email", email, "email_verified", true, "name", "Grace Hopper"));

        Browser first = browser();
        Browser.Response details = throughProvider(first, first.open(authorizeUrl(t, "B2C_1_oidc", Map.of())));
        assertThat(details.document().getElementById("givenName")).as(details.body()).isNotNull();
        Browser.Response done = first.submit(details, "form#attributeVerification", "button#continue",
                Map.of("givenName", "Grace", "surname", "Hopper"));
        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_oidc", done));

        String issuer = server.issuerUrl(ISSUER_ID).toString();
        assertThat(claims.getStringClaim("idp")).isEqualTo(issuer);
        assertThat(claims.getStringListClaim("amr")).containsExactly("fed");
        assertThat(claims.getStringListClaim("emails")).containsExactly(email);
        assertThat(userWith(t, issuer, subject)).map(u -> u.objectId().toString()).contains(claims.getSubject());

        willIssue(subject, Map.of("email", email, "email_verified", true, "name", "Grace Hopper"));
        Browser second = browser();
        JWTClaimsSet again = idToken(tokensOf(t, "B2C_1_oidc",
                throughProvider(second, second.open(authorizeUrl(t, "B2C_1_oidc", Map.of())))));
        assertThat(again.getSubject()).isEqualTo(claims.getSubject());
        assertThat(usersIn(t)).isEqualTo(1);
    }

    @Test
    void mfaFlowWhenASocialUserSignsInThenEnrollsAPhone() throws Exception {
        TestTenant t = tenantWithProvider(MfaSettings.ENABLED);
        willIssue("oidc-" + UUID.randomUUID(), Map.of("email", uniqueEmail(), "email_verified", true,
                "name", "Grace Hopper", "given_name", "Grace", "family_name", "Hopper"));
        Browser browser = browser();

        Browser.Response enroll = throughProvider(browser, browser.open(authorizeUrl(t, "B2C_1_oidc", Map.of())));
        assertThat(isPhonePage(enroll)).as(enroll.body()).isTrue();
        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_oidc", enrollBySms(browser, enroll)));

        assertThat(claims.getStringListClaim("amr")).containsExactly("fed", "sms", "mfa");
    }

    @Test
    void idTokenWhenForAnotherAudienceThenRefusedEndToEnd() {
        TestTenant t = tenantWithProvider(MfaSettings.OFF);
        // The provider takes an ID token's audience from the client; an extra "aud" claim replaces it.
        willIssue("oidc-" + UUID.randomUUID(), Map.of("aud", "someone-else", "email", uniqueEmail()));
        Browser browser = browser();

        Browser.Response back = throughProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_oidc", Map.of("state", "s1"))));

        assertServerError(t, back);
    }

    @Test
    void idTokenWhenTheNonceIsNotOursThenRefusedEndToEnd() {
        TestTenant t = tenantWithProvider(MfaSettings.OFF);
        willIssue("oidc-" + UUID.randomUUID(), Map.of("nonce", "forged-nonce", "email", uniqueEmail()));
        Browser browser = browser();

        Browser.Response back = throughProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_oidc", Map.of("state", "s1"))));

        assertServerError(t, back);
    }

    private void assertServerError(TestTenant t, Browser.Response back) {
        Map<String, String> response = appResponse(back, t.webRedirectUri());
        assertThat(response).containsEntry("error", "server_error").containsEntry("state", "s1")
                .doesNotContainKey("code");
        assertThat(response.get("error_description")).startsWith("FOYER30001: ");
        assertThat(usersIn(t)).isZero();
        List<String> failures = jdbc.sql("select details from audit_event where tenant_id = ? and event_type = ?")
                .params(t.tenant().id(), "signIn.failed").query(String.class).list();
        assertThat(failures).as("refused by the ID token's validation").singleElement().asString()
                .contains("INVALID_RESPONSE");
    }

    private TestTenant tenantWithProvider(MfaSettings mfa) {
        TestTenant t = newTenant();
        UUID id = UUID.randomUUID();
        TenantContext.run(t.tenant(), () -> providers.insert(new IdentityProvider(id, "Upstream",
                ProviderKind.OPENID_CONNECT, "Upstream ID", "foyer-client",
                secretBox.seal("foyer-secret", IdentityProvider.secretBinding(id)),
                new ProviderSettings(server.wellKnownUrl(ISSUER_ID).toString(), null, null, null, null,
                        List.of("openid", "email", "profile"), ProviderSettings.OIDC_MAPPING, null, null),
                true, Instant.now())));
        flow(t, "oidc", UserFlowType.SIGN_UP_OR_SIGN_IN, mfa, List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Upstream"),
                List.of("displayName", "givenName", "surname"));
        return t;
    }

    private void willIssue(String subject, Map<String, Object> claims) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, JOSEObjectType.JWT.getType(),
                null, claims, 3600));
    }

    /** Presses the provider's button; the provider answers at once with a redirect to Foyer's callback. */
    private Browser.Response throughProvider(Browser browser, Browser.Response signInPage) {
        Browser.Response atProvider = browser.submit(signInPage, SOCIAL_FORM, "button#Upstream", Map.of());
        assertThat(atProvider.location().orElse("")).as(atProvider.body())
                .startsWith(server.authorizationEndpointUrl(ISSUER_ID).toString());
        return browser.follow(browser.get(atProvider.location().get()));
    }
}
