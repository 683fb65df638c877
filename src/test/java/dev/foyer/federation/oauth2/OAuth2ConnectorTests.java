package dev.foyer.federation.oauth2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.ProviderKind;
import dev.foyer.federation.ProviderSettings;
import dev.foyer.federation.UpstreamException;
import dev.foyer.federation.UpstreamException.Reason;
import dev.foyer.federation.UpstreamIdentity;
import dev.foyer.federation.UpstreamRequest;
import dev.foyer.secrets.SecretBox;
import dev.foyer.security.OpaqueTokens;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The OAuth 2.0 connector against GitHub-like and Facebook-like providers played by WireMock. */
class OAuth2ConnectorTests {

    private static final String CLIENT_ID = "foyer-client";
    private static final String REDIRECT_URI = "https://foyer.test/contoso/oauth2/authresp";
    private static final Map<String, String> GITHUB_MAPPING = Map.of("userId", "id", "email", "email",
            "displayName", "name");
    private static final Map<String, String> FACEBOOK_MAPPING = Map.of("userId", "id", "email", "email",
            "displayName", "name", "givenName", "first_name", "surname", "last_name");

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private final SecretBox box = testBox();
    private final OAuth2Connector connector = new OAuth2Connector(box);
    private final UpstreamRequest request = new UpstreamRequest(REDIRECT_URI, "journey." + OpaqueTokens.generate(),
            OpaqueTokens.generate(), OpaqueTokens.generate());

    private static SecretBox testBox() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return SecretBox.of(Base64.getEncoder().encodeToString(key), List.of());
    }

    private IdentityProvider provider(ProviderKind kind, Map<String, String> mapping, String issuer) {
        return provider(kind, mapping, issuer, upstream.baseUrl());
    }

    private IdentityProvider provider(ProviderKind kind, Map<String, String> mapping, String issuer, String base) {
        UUID id = UUID.randomUUID();
        return new IdentityProvider(id, "Hub", kind, "Hub", CLIENT_ID,
                box.seal("client-secret", IdentityProvider.secretBinding(id)),
                new ProviderSettings(null, base + "/login/oauth/authorize", base + "/login/oauth/access_token",
                        base + "/user?fields=id,name", issuer, List.of("read:user", "user:email"), mapping, null,
                        null),
                true, Instant.now());
    }

    private IdentityProvider github() {
        return provider(ProviderKind.GITHUB, null, null);
    }

    private void tokenEndpointIssues(String accessToken) {
        upstream.stubFor(post("/login/oauth/access_token").willReturn(okJson(
                "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"scope\":\"read:user\"}")));
    }

    private void userInfoAnswers(String json) {
        upstream.stubFor(get(urlPathEqualTo("/user")).willReturn(okJson(json)));
    }

    private UpstreamIdentity complete(IdentityProvider provider) throws UpstreamException {
        return connector.complete(provider, request, Map.of("code", "the-code", "state", request.state()));
    }

    private void assertRefused(IdentityProvider provider, Reason reason) {
        assertThatThrownBy(() -> complete(provider)).isInstanceOfSatisfying(UpstreamException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private static Map<String, String> query(URI uri) {
        return URLUtils.parseParameters(uri.getRawQuery()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }

    @Test
    void authorizationUrlWhenOAuth2ProviderThenCodeFlowWithStateScopesAndPkce() throws Exception {
        URI url = connector.authorizationUrl(github(), request);

        assertThat(url.toString()).startsWith(upstream.baseUrl() + "/login/oauth/authorize?");
        assertThat(query(url)).containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", REDIRECT_URI)
                .containsEntry("state", request.state())
                .containsEntry("scope", "read:user user:email")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("code_challenge", CodeChallenge.compute(CodeChallengeMethod.S256,
                        new CodeVerifier(request.codeVerifier())).getValue())
                .doesNotContainKey("nonce");
    }

    @Test
    void completeWhenGitHubLikeProviderThenIdentityFromUserInfoWithUnverifiedEmail() throws Exception {
        tokenEndpointIssues("gho_token");
        userInfoAnswers("{\"login\":\"octocat\",\"id\":583231,\"name\":\"The Octocat\","
                + "\"email\":\"octocat@github.test\"}");

        UpstreamIdentity identity = complete(github());

        assertThat(identity.issuer()).isEqualTo("github.com");
        assertThat(identity.subject()).isEqualTo("583231");
        assertThat(identity.attributes()).containsEntry("email", "octocat@github.test")
                .containsEntry("displayName", "The Octocat");
        assertThat(identity.emailVerified()).isFalse();
        assertThat(identity.accessToken()).isEqualTo("gho_token");
        LoggedRequest exchange = upstream.findAll(postRequestedFor(urlEqualTo("/login/oauth/access_token"))).get(0);
        assertThat(exchange.getHeader("Accept")).isEqualTo("application/json");
        assertThat(exchange.getHeader("Authorization")).isNull();
        assertThat(URLUtils.parseParameters(exchange.getBodyAsString()))
                .containsEntry("grant_type", List.of("authorization_code"))
                .containsEntry("code", List.of("the-code"))
                .containsEntry("redirect_uri", List.of(REDIRECT_URI))
                .containsEntry("client_id", List.of(CLIENT_ID))
                .containsEntry("client_secret", List.of("client-secret"))
                .containsEntry("code_verifier", List.of(request.codeVerifier()));
        upstream.verify(getRequestedFor(urlEqualTo("/user?fields=id,name"))
                .withHeader("Authorization", equalTo("Bearer gho_token")));
    }

    @Test
    void completeWhenFacebookLikeProviderThenNumericIdAndNamesMapped() throws Exception {
        tokenEndpointIssues("fb_token");
        userInfoAnswers("{\"id\":10215573925485123,\"name\":\"Mark Z\",\"first_name\":\"Mark\","
                + "\"last_name\":\"Z\",\"email\":\"mark@fb.test\"}");

        UpstreamIdentity identity = complete(provider(ProviderKind.FACEBOOK, FACEBOOK_MAPPING, null));

        assertThat(identity.issuer()).isEqualTo("facebook.com");
        assertThat(identity.subject()).isEqualTo("10215573925485123");
        assertThat(identity.attributes()).containsEntry("givenName", "Mark").containsEntry("surname", "Z")
                .containsEntry("displayName", "Mark Z").containsEntry("email", "mark@fb.test");
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void completeWhenGenericProviderThenIssuerConfiguredOrAuthorizationHost() throws Exception {
        tokenEndpointIssues("t");
        userInfoAnswers("{\"user_id\":\"u-1\",\"mail\":\"u@corp.test\",\"verified\":true}");
        Map<String, String> mapping = Map.of("userId", "user_id", "email", "mail", "emailVerified", "verified");

        UpstreamIdentity configured = complete(provider(ProviderKind.OAUTH2, mapping, "corp.test"));
        UpstreamIdentity byHost = complete(provider(ProviderKind.OAUTH2, mapping, null));

        assertThat(configured.issuer()).isEqualTo("corp.test");
        assertThat(configured.subject()).isEqualTo("u-1");
        assertThat(configured.emailVerified()).isTrue();
        assertThat(byHost.issuer()).isEqualTo(URI.create(upstream.baseUrl()).getHost());
    }

    @Test
    void completeWhenTokenEndpointAnswersErrorThenProviderErrorWithoutUpstreamText() {
        upstream.stubFor(post("/login/oauth/access_token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"<script>x</script>\"}")));

        assertThatThrownBy(() -> complete(github())).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
            assertThat(e.upstreamError()).isEqualTo("invalid_grant");
            assertThat(e.getMessage()).doesNotContain("script").doesNotContain("invalid_grant");
        });
    }

    @Test
    void completeWhenTokenEndpointAnswers200WithErrorLikeGitHubThenProviderError() {
        upstream.stubFor(post("/login/oauth/access_token").willReturn(okJson(
                "{\"error\":\"bad_verification_code\",\"error_description\":\"The code is incorrect\"}")));

        assertRefused(github(), Reason.PROVIDER_ERROR);
    }

    @Test
    void completeWhenTokenEndpointFailsThenUnreachable() {
        upstream.stubFor(post("/login/oauth/access_token").willReturn(aResponse().withStatus(502)));

        assertRefused(github(), Reason.UNREACHABLE);
    }

    @Test
    void completeWhenTokenResponseHasNoAccessTokenThenInvalidResponse() {
        upstream.stubFor(post("/login/oauth/access_token").willReturn(okJson("{\"token_type\":\"bearer\"}")));

        assertRefused(github(), Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenTokenEndpointAnswersFormEncodedThenAccepted() throws Exception {
        upstream.stubFor(post("/login/oauth/access_token").willReturn(aResponse()
                .withHeader("Content-Type", "application/x-www-form-urlencoded")
                .withBody("access_token=form_token&scope=user&token_type=bearer")));
        userInfoAnswers("{\"id\":1}");

        assertThat(complete(github()).accessToken()).isEqualTo("form_token");
    }

    @Test
    void completeWhenUserInfoRefusesTokenThenProviderError() {
        tokenEndpointIssues("t");
        upstream.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(401)
                .withBody("{\"message\":\"Bad credentials\"}")));

        assertRefused(github(), Reason.PROVIDER_ERROR);
    }

    @Test
    void completeWhenUserInfoLacksUserIdThenInvalidResponse() {
        tokenEndpointIssues("t");
        userInfoAnswers("{\"login\":\"octocat\",\"email\":\"octocat@github.test\"}");

        assertRefused(github(), Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenUserInfoIsNotJsonThenInvalidResponse() {
        tokenEndpointIssues("t");
        upstream.stubFor(get(urlPathEqualTo("/user")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>login</html>")));

        assertRefused(github(), Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenUserDeclinedThenCancelled() {
        assertThatThrownBy(() -> connector.complete(github(), request, Map.of("error", "access_denied")))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
    }

    @Test
    void completeWhenProviderErrorThenProviderErrorAndNothingCalled() {
        assertThatThrownBy(() -> connector.complete(github(), request,
                Map.of("error", "<img src=x>", "error_description", "<script>")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
                    assertThat(e.getMessage()).doesNotContain("<");
                });
        upstream.verify(0, postRequestedFor(urlEqualTo("/login/oauth/access_token")));
    }

    @Test
    void completeWhenNoCodeThenInvalidResponse() {
        assertThatThrownBy(() -> connector.complete(github(), request, Map.of("state", request.state())))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE));
    }

    @Test
    void completeWhenProviderDownThenUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertRefused(provider(ProviderKind.GITHUB, null, null, "http://127.0.0.1:" + closedPort),
                Reason.UNREACHABLE);
    }

    @Test
    void completeWhenMappingHasNoUserIdThenMisconfigured() {
        assertRefused(provider(ProviderKind.OAUTH2, Map.of("email", "email"), null), Reason.MISCONFIGURED);
    }

    @Test
    void authorizationUrlWhenNoAuthorizationUrlThenMisconfigured() {
        UUID id = UUID.randomUUID();
        IdentityProvider empty = new IdentityProvider(id, "Empty", ProviderKind.OAUTH2, "Empty", CLIENT_ID, null,
                new ProviderSettings(null, null, null, null, null, null, null, null, null), true, Instant.now());

        assertThatThrownBy(() -> connector.authorizationUrl(empty, request))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED));
    }

    @Test
    void handlesWhenOAuth2KindsThenYesAndOpenIdConnectKindsThenNo() {
        assertThat(connector.handles(provider(ProviderKind.FACEBOOK, null, null))).isTrue();
        assertThat(connector.handles(provider(ProviderKind.OAUTH2, null, null))).isTrue();
        assertThat(connector.handles(provider(ProviderKind.GOOGLE, null, null))).isFalse();
    }
}
