package dev.foyer.federation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The federated sign-in journey end to end with an OAuth 2.0 provider (GitHub-shaped: no ID token,
 * a numeric user id from its user-info endpoint) played by WireMock on loopback, through the OAuth
 * 2.0 connector: code exchange with the PKCE verifier and the client secret, then user-info with the
 * access token.
 */
class OAuth2ProviderSignInTests extends FederationFlowTest {

    private static final String ISSUER = "octo.example";

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    @Test
    void firstAndSecondSignInWhenTheProviderVouchesThenOneUserWithTheProvidersIdentity() throws Exception {
        TestTenant t = tenantWithProvider();
        String accessToken = "gho_" + UUID.randomUUID();
        upstream.stubFor(post("/login/oauth/access_token").willReturn(okJson(
                "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"scope\":\"read:user\"}")));
        upstream.stubFor(get("/user").withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"id\":583231,\"login\":\"octocat\",\"name\":\"The Octocat\"}")));

        Browser first = browser();
        Browser.Response atProvider = toProvider(first, t);
        Map<String, String> sent = query(atProvider.location().orElseThrow());
        assertThat(sent).containsEntry("client_id", "octo-client").containsEntry("code_challenge_method", "S256")
                .containsKeys("state", "code_challenge", "redirect_uri");
        Browser.Response details = backFromProvider(first, atProvider, Map.of("code", "code-1"));
        assertThat(details.document().getElementById("givenName")).as(details.body()).isNotNull();
        Browser.Response done = first.submit(details, "form#attributeVerification", "button#continue",
                Map.of("givenName", "Mona", "surname", "Lisa"));
        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_octo", done));

        assertThat(claims.getStringClaim("idp")).isEqualTo(ISSUER);
        assertThat(claims.getStringListClaim("amr")).containsExactly("fed");
        assertThat(claims.getStringClaim("name")).isEqualTo("The Octocat");
        assertThat(userWith(t, ISSUER, "583231")).map(u -> u.objectId().toString()).contains(claims.getSubject());
        upstream.verify(postRequestedFor(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(containing("code=code-1"))
                .withRequestBody(containing("client_secret=octo-secret"))
                .withRequestBody(containing("code_verifier=")));
        upstream.verify(getRequestedFor(urlPathEqualTo("/user")));

        Browser second = browser();
        JWTClaimsSet again = idToken(tokensOf(t, "B2C_1_octo",
                backFromProvider(second, toProvider(second, t), Map.of("code", "code-2"))));
        assertThat(again.getSubject()).isEqualTo(claims.getSubject());
        assertThat(usersIn(t)).isEqualTo(1);
    }

    @Test
    void signInWhenTheUserInfoEndpointRefusesTheTokenThenServerErrorAndNoUser() {
        TestTenant t = tenantWithProvider();
        upstream.stubFor(post("/login/oauth/access_token").willReturn(okJson(
                "{\"access_token\":\"revoked\",\"token_type\":\"bearer\"}")));
        upstream.stubFor(get("/user").willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"<script>alert(1)</script>\"}")));
        Browser browser = browser();

        Browser.Response back = backFromProvider(browser, toProvider(browser, t), Map.of("code", "code-3"));

        Map<String, String> response = appResponse(back, t.webRedirectUri());
        assertThat(response).containsEntry("error", "server_error").doesNotContainKey("code");
        assertThat(response.get("error_description")).startsWith("FOYER30001: ").doesNotContain("script");
        assertThat(usersIn(t)).isZero();
    }

    @Test
    void signInWhenTheUserDeniesConsentThenAccessDeniedAndTheTokenEndpointIsNeverCalled() {
        TestTenant t = tenantWithProvider();
        Browser browser = browser();

        Browser.Response back = backFromProvider(browser, toProvider(browser, t),
                Map.of("error", "access_denied", "error_description", "The user has denied your application access."));

        Map<String, String> response = appResponse(back, t.webRedirectUri());
        assertThat(response).containsEntry("error", "access_denied").doesNotContainKey("code");
        assertThat(response.get("error_description")).doesNotContain("denied your application");
        upstream.verify(0, postRequestedFor(urlPathEqualTo("/login/oauth/access_token")));
        assertThat(usersIn(t)).isZero();
    }

    private Browser.Response toProvider(Browser browser, TestTenant t) {
        Browser.Response atProvider = browser.submit(browser.open(authorizeUrl(t, "B2C_1_octo", Map.of())),
                SOCIAL_FORM, "button#Octo", Map.of());
        assertThat(atProvider.location().orElse("")).as(atProvider.body())
                .startsWith(upstream.baseUrl() + "/login/oauth/authorize");
        return atProvider;
    }

    private TestTenant tenantWithProvider() {
        TestTenant t = newTenant();
        UUID id = UUID.randomUUID();
        String base = upstream.baseUrl();
        TenantContext.run(t.tenant(), () -> providers.insert(new IdentityProvider(id, "Octo", ProviderKind.OAUTH2,
                "Octo", "octo-client", secretBox.seal("octo-secret", IdentityProvider.secretBinding(id)),
                new ProviderSettings(null, base + "/login/oauth/authorize", base + "/login/oauth/access_token",
                        base + "/user", ISSUER, List.of("read:user"),
                        Map.of("userId", "id", "email", "email", "displayName", "name"), null, null),
                true, Instant.now())));
        flow(t, "octo", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Octo"), List.of("displayName", "givenName", "surname"));
        return t;
    }
}
