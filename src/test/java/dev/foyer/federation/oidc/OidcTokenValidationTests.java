package dev.foyer.federation.oidc;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.pkce.CodeChallenge;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.ProviderKind;
import dev.foyer.federation.UpstreamException;
import dev.foyer.federation.UpstreamException.Reason;
import dev.foyer.federation.UpstreamIdentity;
import dev.foyer.federation.UpstreamRequest;
import dev.foyer.secrets.SecretBox;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ID token checks and the token exchange, against a provider played by WireMock that signs
 * whatever token a test needs: every tampering must be refused before a claim is read.
 */
class OidcTokenValidationTests {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final RSAKey KEY = rsa("key-1");
    private static final RSAKey OTHER_KEY = rsa("key-1");
    private static final ECKey EC_KEY = ec("key-ec");

    private final SecretBox box = OidcConnectorTests.testBox();
    private final OidcConnector connector = new OidcConnector(box);
    private final UpstreamRequest request = OidcConnectorTests.request();
    private IdentityProvider provider;
    private String issuer;

    private static RSAKey rsa(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ec(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void publishProvider() {
        issuer = upstream.baseUrl() + "/tenant";
        discovery(List.of("client_secret_basic", "client_secret_post"));
        upstream.stubFor(get("/tenant/keys").willReturn(okJson(
                new JWKSet(List.of(KEY.toPublicJWK(), EC_KEY.toPublicJWK())).toString())));
        provider = OidcConnectorTests.provider(box, ProviderKind.OPENID_CONNECT,
                upstream.baseUrl() + "/tenant/.well-known/openid-configuration", null);
    }

    private void discovery(List<String> authMethods) {
        upstream.stubFor(get("/tenant/.well-known/openid-configuration").willReturn(okJson("""
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "userinfo_endpoint":"%1$s/userinfo","jwks_uri":"%1$s/keys","response_types_supported":["code"],
                 "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256","ES256"],
                 "token_endpoint_auth_methods_supported":%2$s}""".formatted(issuer,
                authMethods.stream().map(m -> "\"" + m + "\"").toList()))));
    }

    private JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("alice-123")
                .audience(OidcConnectorTests.CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", request.nonce())
                .claim("email", "alice@contoso.test")
                .claim("email_verified", true)
                .claim("name", "Alice Liddell")
                .claim("given_name", "Alice")
                .claim("family_name", "Liddell");
    }

    private static String signed(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void tokenEndpointIssues(String idToken) {
        upstream.stubFor(post("/tenant/token").willReturn(okJson("""
                {"access_token":"upstream-access-token","token_type":"Bearer","expires_in":3600,"id_token":"%s"}"""
                .formatted(idToken))));
    }

    private UpstreamIdentity complete() throws UpstreamException {
        return connector.complete(provider, request, Map.of("code", "the-code", "state", request.state()));
    }

    private void assertRefused(Reason reason) {
        assertThatThrownBy(this::complete).isInstanceOfSatisfying(UpstreamException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void assertRefusedWith(JWTClaimsSet.Builder claims) {
        tokenEndpointIssues(signed(claims.build(), KEY));
        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenValidTokenThenExchangesCodeWithPkceVerifierAndBasicAuthentication() throws Exception {
        tokenEndpointIssues(signed(claims().build(), KEY));

        UpstreamIdentity identity = complete();

        assertThat(identity.subject()).isEqualTo("alice-123");
        assertThat(identity.issuer()).isEqualTo(issuer);
        assertThat(identity.accessToken()).isEqualTo("upstream-access-token");
        LoggedRequest exchange = upstream.findAll(postRequestedFor(urlEqualTo("/tenant/token"))).get(0);
        Map<String, List<String>> form = URLUtils.parseParameters(exchange.getBodyAsString());
        assertThat(form).containsEntry("grant_type", List.of("authorization_code"))
                .containsEntry("code", List.of("the-code"))
                .containsEntry("redirect_uri", List.of(OidcConnectorTests.REDIRECT_URI))
                .containsEntry("code_verifier", List.of(request.codeVerifier()))
                .doesNotContainKey("client_secret");
        assertThat(exchange.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (OidcConnectorTests.CLIENT_ID + ":client-secret").getBytes()));
        URI authorization = connector.authorizationUrl(provider, request);
        assertThat(URLUtils.parseParameters(authorization.getRawQuery()).get("code_challenge"))
                .containsExactly(CodeChallenge.compute(CodeChallengeMethod.S256,
                        new CodeVerifier(form.get("code_verifier").get(0))).getValue());
    }

    @Test
    void completeWhenProviderOnlyAcceptsClientSecretPostThenSecretInForm() throws Exception {
        discovery(List.of("client_secret_post"));
        tokenEndpointIssues(signed(claims().build(), KEY));

        complete();

        LoggedRequest exchange = upstream.findAll(postRequestedFor(urlEqualTo("/tenant/token"))).get(0);
        assertThat(URLUtils.parseParameters(exchange.getBodyAsString()))
                .containsEntry("client_id", List.of(OidcConnectorTests.CLIENT_ID))
                .containsEntry("client_secret", List.of("client-secret"));
        assertThat(exchange.getHeader("Authorization")).isNull();
    }

    @Test
    void completeWhenEs256TokenThenAccepted() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("key-ec").build(),
                claims().build());
        jwt.sign(new ECDSASigner(EC_KEY));
        tokenEndpointIssues(jwt.serialize());

        assertThat(complete().subject()).isEqualTo("alice-123");
    }

    @Test
    void completeWhenProviderRotatedToANewKeyThenKeySetRefetchedAndTokenAccepted() throws Exception {
        tokenEndpointIssues(signed(claims().build(), KEY));
        complete();
        RSAKey rotated = rsa("key-2");
        upstream.stubFor(get("/tenant/keys").willReturn(okJson(new JWKSet(rotated.toPublicJWK()).toString())));
        tokenEndpointIssues(signed(claims().build(), rotated));

        assertThat(complete().subject()).isEqualTo("alice-123");
    }

    @Test
    void completeWhenKeySetUnavailableThenUnreachable() {
        upstream.stubFor(get("/tenant/keys").willReturn(aResponse().withStatus(503)));
        tokenEndpointIssues(signed(claims().build(), KEY));

        assertRefused(Reason.UNREACHABLE);
    }

    @Test
    void completeWhenSignedByAnotherKeyThenInvalidResponse() {
        tokenEndpointIssues(signed(claims().build(), OTHER_KEY));

        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenPayloadTamperedThenInvalidResponse() {
        String[] parts = signed(claims().build(), KEY).split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims().subject("admin").build().toString().getBytes());
        tokenEndpointIssues(parts[0] + "." + forged + "." + parts[2]);

        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenUnsignedTokenThenInvalidResponse() {
        tokenEndpointIssues(new PlainJWT(claims().build()).serialize());

        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenHmacSignedWithClientSecretThenInvalidResponse() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
        jwt.sign(new MACSigner("client-secret-client-secret-client-secret".getBytes()));
        tokenEndpointIssues(jwt.serialize());

        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenExpiredThenInvalidResponse() {
        Instant past = Instant.now().minusSeconds(3600);
        assertRefusedWith(claims().issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(300))));
    }

    @Test
    void completeWhenIssuerDiffersThenInvalidResponse() {
        assertRefusedWith(claims().issuer("https://evil.test/tenant"));
    }

    @Test
    void completeWhenAudienceIsAnotherClientThenInvalidResponse() {
        assertRefusedWith(claims().audience("another-client"));
    }

    @Test
    void completeWhenSeveralAudiencesAndAzpIsAnotherClientThenInvalidResponse() {
        assertRefusedWith(claims().audience(List.of(OidcConnectorTests.CLIENT_ID, "another-client"))
                .claim("azp", "another-client"));
    }

    @Test
    void completeWhenSeveralAudiencesWithoutAzpThenInvalidResponse() {
        assertRefusedWith(claims().audience(List.of(OidcConnectorTests.CLIENT_ID, "another-client")));
    }

    @Test
    void completeWhenNonceMissingThenInvalidResponse() {
        assertRefusedWith(claims().claim("nonce", null));
    }

    @Test
    void completeWhenTokenEndpointAnswersOAuthErrorThenProviderError() {
        upstream.stubFor(post("/tenant/token").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"<b>nope</b>\"}")));

        assertThatThrownBy(this::complete).isInstanceOfSatisfying(UpstreamException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.PROVIDER_ERROR);
            assertThat(e.upstreamError()).isEqualTo("invalid_grant");
            assertThat(e.getMessage()).doesNotContain("nope").doesNotContain("invalid_grant");
        });
    }

    @Test
    void completeWhenTokenEndpointFailsWith500ThenUnreachable() {
        upstream.stubFor(post("/tenant/token").willReturn(aResponse().withStatus(500).withBody("<html>oops")));

        assertRefused(Reason.UNREACHABLE);
    }

    @Test
    void completeWhenTokenEndpointAnswersGarbageThenInvalidResponse() {
        upstream.stubFor(post("/tenant/token").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>hello</html>")));

        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenTokenResponseHasNoIdTokenThenInvalidResponse() {
        upstream.stubFor(post("/tenant/token").willReturn(okJson(
                "{\"access_token\":\"a\",\"token_type\":\"Bearer\"}")));

        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenIdTokenLacksProfileThenUserInfoCompletesIt() throws Exception {
        tokenEndpointIssues(signed(claims().claim("email", null).claim("name", null).build(), KEY));
        upstream.stubFor(get("/tenant/userinfo").willReturn(okJson(
                "{\"sub\":\"alice-123\",\"email\":\"alice@contoso.test\",\"name\":\"Alice From UserInfo\"}")));

        UpstreamIdentity identity = complete();

        assertThat(identity.attributes()).containsEntry("email", "alice@contoso.test")
                .containsEntry("displayName", "Alice From UserInfo");
        upstream.verify(getRequestedFor(urlEqualTo("/tenant/userinfo"))
                .withHeader("Authorization", equalTo("Bearer upstream-access-token")));
    }

    @Test
    void completeWhenUserInfoNamesAnotherSubjectThenInvalidResponse() {
        tokenEndpointIssues(signed(claims().claim("email", null).build(), KEY));
        upstream.stubFor(get("/tenant/userinfo").willReturn(okJson(
                "{\"sub\":\"someone-else\",\"email\":\"victim@contoso.test\"}")));

        assertRefused(Reason.INVALID_RESPONSE);
    }

    @Test
    void completeWhenAppleSendsNameOnFirstConsentThenNameMapped() throws Exception {
        provider = OidcConnectorTests.provider(box, ProviderKind.APPLE,
                upstream.baseUrl() + "/tenant/.well-known/openid-configuration", "form_post");
        tokenEndpointIssues(signed(claims().claim("name", null).claim("given_name", null)
                .claim("family_name", null).claim("email_verified", "true").build(), KEY));
        upstream.stubFor(get("/tenant/userinfo").willReturn(aResponse().withStatus(404)));

        UpstreamIdentity identity = connector.complete(provider, request, Map.of("code", "the-code",
                "user", "{\"name\":{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\"},\"email\":\"ada@apple.test\"}"));

        assertThat(identity.issuer()).isEqualTo("apple.com");
        assertThat(identity.attributes()).containsEntry("givenName", "Ada").containsEntry("surname", "Lovelace")
                .containsEntry("displayName", "Ada Lovelace").containsEntry("email", "alice@contoso.test");
        assertThat(identity.emailVerified()).isTrue();
    }

    @Test
    void authorizationUrlWhenDiscoveryDocumentBrokenThenMisconfigured() {
        upstream.stubFor(get("/tenant/.well-known/openid-configuration").willReturn(okJson("{\"issuer\":42}")));

        assertThatThrownBy(() -> connector.authorizationUrl(provider, request))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.MISCONFIGURED));
    }

    @Test
    void authorizationUrlWhenDiscoveryDocumentTooLargeThenUnreachable() {
        upstream.stubFor(get("/tenant/.well-known/openid-configuration").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("x".repeat(2 * 1024 * 1024))));

        assertThatThrownBy(() -> connector.authorizationUrl(provider, request))
                .isInstanceOfSatisfying(UpstreamException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE));
    }

    @Test
    void authorizationUrlWhenCalledTwiceThenDiscoveryFetchedOnce() throws Exception {
        connector.authorizationUrl(provider, request);
        connector.authorizationUrl(provider, request);

        upstream.verify(1, getRequestedFor(urlEqualTo("/tenant/.well-known/openid-configuration")));
    }

    @Test
    void completeWhenSecretSealedForAnotherProviderThenMisconfigured() {
        IdentityProvider other = OidcConnectorTests.provider(box, ProviderKind.OPENID_CONNECT,
                provider.settings().metadataUrl(), null);
        provider = new IdentityProvider(provider.id(), provider.name(), provider.kind(), provider.displayName(),
                provider.clientId(), other.sealedClientSecret(), provider.settings(), true, provider.createdAt());

        assertRefused(Reason.MISCONFIGURED);
    }
}
