package dev.foyer.federation.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenID Connect connector against a real provider running in the test JVM. */
class OidcConnectorTests {

    static final String CLIENT_ID = "foyer-client";
    static final String REDIRECT_URI = "https://foyer.test/contoso/oauth2/authresp";

    private static MockOAuth2Server server;
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final SecretBox box = testBox();
    private final OidcConnector connector = new OidcConnector(box);

    @BeforeAll
    static void startProvider() throws Exception {
        server = new MockOAuth2Server();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterAll
    static void stopProvider() {
        server.shutdown();
    }

    static SecretBox testBox() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return SecretBox.of(Base64.getEncoder().encodeToString(key), List.of());
    }

    static IdentityProvider provider(SecretBox box, ProviderKind kind, String metadataUrl, String responseMode) {
        UUID id = UUID.randomUUID();
        return new IdentityProvider(id, "Contoso", kind, "Contoso ID", CLIENT_ID,
                box.seal("client-secret", IdentityProvider.secretBinding(id)),
                new ProviderSettings(metadataUrl, null, null, null, null, List.of("email", "profile", "openid"),
                        kind.isPreset() ? null : ProviderSettings.OIDC_MAPPING, null, responseMode),
                true, Instant.now());
    }

    private IdentityProvider provider() {
        return provider(box, ProviderKind.OPENID_CONNECT, server.wellKnownUrl("default").toString(), null);
    }

    static UpstreamRequest request() {
        return new UpstreamRequest(REDIRECT_URI, "journey." + OpaqueTokens.generate(), OpaqueTokens.generate(),
                OpaqueTokens.generate());
    }

    /** What the browser brings back from the provider's authorization endpoint (no login page in this mode). */
    private static Map<String, String> authorize(URI authorizationUrl) throws Exception {
        HttpResponse<Void> response = BROWSER.send(HttpRequest.newBuilder(authorizationUrl).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(response.statusCode()).isEqualTo(302);
        URI back = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(back.toString()).startsWith(REDIRECT_URI);
        return URLUtils.parseParameters(back.getRawQuery()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }

    private static Map<String, String> query(URI uri) {
        return URLUtils.parseParameters(uri.getRawQuery()).entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(0)));
    }

    private static void nextUser(String subject, List<String> audience, Map<String, Object> claims, long expiry) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", audience, claims, expiry));
    }

    @Test
    void authorizationUrlWhenOidcProviderThenCodeFlowWithStateNoncePkceAndScopes() throws Exception {
        UpstreamRequest request = request();

        URI url = connector.authorizationUrl(provider(), request);

        assertThat(url.toString()).startsWith(server.authorizationEndpointUrl("default").toString());
        Map<String, String> query = query(url);
        assertThat(query).containsEntry("response_type", "code")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("redirect_uri", REDIRECT_URI)
                .containsEntry("state", request.state())
                .containsEntry("nonce", request.nonce())
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("code_challenge",
                        CodeChallenge.compute(CodeChallengeMethod.S256, new CodeVerifier(request.codeVerifier()))
                                .getValue())
                .doesNotContainKey("response_mode")
                .doesNotContainValue(request.codeVerifier());
        assertThat(List.of(query.get("scope").split(" "))).containsExactly("openid", "email", "profile");
    }

    @Test
    void authorizationUrlWhenFormPostConfiguredThenAsksForFormPost() throws Exception {
        IdentityProvider apple = provider(box, ProviderKind.OPENID_CONNECT,
                server.wellKnownUrl("default").toString(), "form_post");

        assertThat(query(connector.authorizationUrl(apple, request()))).containsEntry("response_mode", "form_post");
    }

    @Test
    void completeWhenRoundTripThenIdentityWithSubjectMappedAttributesAndAccessToken() throws Exception {
        UpstreamRequest request = request();
        nextUser("alice-123", List.of(CLIENT_ID), Map.of("email", "alice@contoso.test", "email_verified", true,
                "name", "Alice Liddell", "given_name", "Alice", "family_name", "Liddell"), 3600);
        Map<String, String> callback = authorize(connector.authorizationUrl(provider(), request));
        assertThat(callback).containsEntry("state", request.state()).containsKey("code");

        UpstreamIdentity identity = connector.complete(provider(), request, callback);

        assertThat(identity.subject()).isEqualTo("alice-123");
        assertThat(identity.issuer()).isEqualTo(server.issuerUrl("default").toString());
        assertThat(identity.attributes()).containsEntry("email", "alice@contoso.test")
                .containsEntry("displayName", "Alice Liddell")
                .containsEntry("givenName", "Alice")
                .containsEntry("surname", "Liddell");
        assertThat(identity.emailVerified()).isTrue();
        assertThat(identity.accessToken()).isNotBlank();
    }

    @Test
    void completeWhenEmailVerifiedIsTheStringFalseThenNotVerified() throws Exception {
        UpstreamRequest request = request();
        nextUser("bob", List.of(CLIENT_ID), Map.of("email", "bob@contoso.test", "email_verified", "false"), 3600);

        UpstreamIdentity identity = connector.complete(provider(), request,
                authorize(connector.authorizationUrl(provider(), request)));

        assertThat(identity.email()).contains("bob@contoso.test");
        assertThat(identity.emailVerified()).isFalse();
    }

    @Test
    void completeWhenPresetThenIssuerIsThePresetDomain() throws Exception {
        UpstreamRequest request = request();
        IdentityProvider google = provider(box, ProviderKind.GOOGLE, server.wellKnownUrl("default").toString(),
                null);
        nextUser("g-1", List.of(CLIENT_ID), Map.of("email", "g@gmail.test", "email_verified", "true"), 3600);

        UpstreamIdentity identity = connector.complete(google, request,
                authorize(connector.authorizationUrl(google, request)));

        assertThat(identity.issuer()).isEqualTo("google.com");
        assertThat(identity.emailVerified()).isTrue();
    }

    @Test
    void completeWhenNonceDiffersThenInvalidResponse() throws Exception {
        UpstreamRequest request = request();
        Map<String, String> callback = authorize(connector.authorizationUrl(provider(), request));
        UpstreamRequest otherNonce = new UpstreamRequest(request.redirectUri(), request.state(),
                OpaqueTokens.generate(), request.codeVerifier());

        assertThatThrownBy(() -> connector.complete(provider(), otherNonce, callback))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE));
    }

    @Test
    void completeWhenTokenIssuedForAnotherAudienceThenInvalidResponse() throws Exception {
        UpstreamRequest request = request();
        nextUser("mallory", List.of("another-client"), Map.of("aud", List.of("another-client")), 3600);
        Map<String, String> callback = authorize(connector.authorizationUrl(provider(), request));

        assertThatThrownBy(() -> connector.complete(provider(), request, callback))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE));
    }

    @Test
    void completeWhenIdTokenExpiredThenInvalidResponse() throws Exception {
        UpstreamRequest request = request();
        nextUser("late", List.of(CLIENT_ID), Map.of(), -3600);
        Map<String, String> callback = authorize(connector.authorizationUrl(provider(), request));

        assertThatThrownBy(() -> connector.complete(provider(), request, callback))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE));
    }

    @Test
    void completeWhenUserDeclinedThenCancelled() {
        assertThatThrownBy(() -> connector.complete(provider(), request(),
                Map.of("error", "access_denied", "state", "s")))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.CANCELLED);
                    assertThat(e.upstreamError()).isEqualTo("access_denied");
                });
    }

    @Test
    void completeWhenProviderErrorThenProviderErrorWithoutUpstreamText() {
        Map<String, String> callback = Map.of("error", "server_error",
                "error_description", "<script>alert(1)</script>", "state", "s");

        assertThatThrownBy(() -> connector.complete(provider(), request(), callback))
                .isInstanceOfSatisfying(UpstreamException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
                    assertThat(e.getMessage()).doesNotContain("script").doesNotContain("server_error");
                    assertThat(e.upstreamError()).isEqualTo("server_error");
                });
    }

    @Test
    void completeWhenNoCodeThenInvalidResponse() {
        assertThatThrownBy(() -> connector.complete(provider(), request(), Map.of("state", "s")))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_RESPONSE));
    }

    @Test
    void completeWhenCodeUnknownToProviderThenRefused() {
        assertThatThrownBy(() -> connector.complete(provider(), request(), Map.of("code", "forged", "state", "s")))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isIn(Reason.PROVIDER_ERROR, Reason.INVALID_RESPONSE));
    }

    @Test
    void authorizationUrlWhenMetadataUnreachableThenUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        IdentityProvider down = provider(box, ProviderKind.OPENID_CONNECT,
                "http://127.0.0.1:" + closedPort + "/.well-known/openid-configuration", null);

        assertThatThrownBy(() -> connector.authorizationUrl(down, request()))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }

    @Test
    void authorizationUrlWhenNoMetadataUrlThenMisconfigured() {
        IdentityProvider none = provider(box, ProviderKind.OPENID_CONNECT, null, null);

        assertThatThrownBy(() -> connector.authorizationUrl(none, request()))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED));
    }

    @Test
    void handlesWhenOpenIdConnectKindsThenYesAndOAuth2KindsThenNo() {
        assertThat(connector.handles(provider(box, ProviderKind.APPLE, null, null))).isTrue();
        assertThat(connector.handles(provider(box, ProviderKind.MICROSOFT, null, null))).isTrue();
        assertThat(connector.handles(provider(box, ProviderKind.GITHUB, null, null))).isFalse();
        assertThat(connector.handles(provider(box, ProviderKind.OAUTH2, null, null))).isFalse();
    }
}
