package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A relying party we did not write — the Nimbus OAuth 2.0 / OpenID Connect SDK — configured from
 * nothing but the issuer: it resolves the discovery document (checking that its issuer is the one
 * asked for), signs a person up through the hosted pages, redeems the code, validates the ID token
 * strictly, calls userinfo, refreshes, and signs out.
 */
class StandardRelyingPartyTests extends FlowEndToEndTest {

    @Test
    void nimbusClientConfiguredOnlyFromDiscoverySignsUpValidatesTokensCallsUserInfoAndRefreshes() throws Exception {
        TestTenant t = newTenant();
        Issuer issuer = new Issuer(origin() + "/" + t.name() + "/b2c_1_susi/v2.0");
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(issuer);
        ClientID clientId = new ClientID(t.webClientId().toString());
        ClientSecretBasic clientAuth = new ClientSecretBasic(clientId, new Secret(t.webClientSecret()));
        URI redirectUri = URI.create(t.webRedirectUri());
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        Nonce nonce = new Nonce();

        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "offline_access"), clientId, redirectUri)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        Browser browser = browser();
        Browser.Response page = browser.open(request.toURI().toString());
        assertThat(isSignInPage(page)).as(page.body()).isTrue();
        String email = uniqueEmail();
        Browser.Response done = signUp(browser, page, email, PASSWORD);

        AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(done.location().orElseThrow()));
        assertThat(response.indicatesSuccess()).as(done.location().get()).isTrue();
        assertThat(response.getState()).isEqualTo(state);
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

        OIDCTokens tokens = redeem(new TokenRequest(provider.getTokenEndpointURI(), clientAuth,
                new AuthorizationCodeGrant(code, redirectUri, verifier)));
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
        IDTokenClaimsSet id = validator.validate(tokens.getIDToken(), nonce);
        assertThat(id.getIssuer()).isEqualTo(issuer);
        assertThat(id.getAudience()).extracting(Object::toString).containsExactly(clientId.getValue());
        assertThat(id.getNonce()).isEqualTo(nonce);
        assertThat(id.getAuthenticationTime()).isNotNull();
        assertThat(id.getStringListClaim("emails")).containsExactly(email);
        AccessTokenValidator.validate(tokens.getAccessToken(), JWSAlgorithm.RS256, id.getAccessTokenHash());

        UserInfoResponse userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) tokens.getAccessToken()).toHTTPRequest().send());
        assertThat(userInfo.indicatesSuccess()).isTrue();
        UserInfo info = userInfo.toSuccessResponse().getUserInfo();
        assertThat(info.getSubject()).isEqualTo(id.getSubject());
        assertThat(info.getStringListClaim("emails")).containsExactly(email);

        RefreshToken refreshToken = tokens.getRefreshToken();
        assertThat(refreshToken).isNotNull();
        OIDCTokens refreshed = redeem(new TokenRequest(provider.getTokenEndpointURI(), clientAuth,
                new RefreshTokenGrant(refreshToken)));
        IDTokenClaimsSet again = validator.validate(refreshed.getIDToken(), null);
        assertThat(again.getSubject()).isEqualTo(id.getSubject());
        assertThat(again.getAuthenticationTime()).isEqualTo(id.getAuthenticationTime());
        assertThat(refreshed.getRefreshToken()).isNotNull().isNotEqualTo(refreshToken);
        assertThat(UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) refreshed.getAccessToken()).toHTTPRequest().send()).indicatesSuccess()).isTrue();

        JWT idToken = refreshed.getIDToken();
        State logoutState = new State();
        LogoutRequest logout = new LogoutRequest(provider.getEndSessionEndpointURI(), idToken,
                URI.create("https://app.example/logout"), logoutState);
        Browser.Response signedOut = browser.get(logout.toURI().toString());
        assertThat(signedOut.location()).hasValue("https://app.example/logout?state=" + logoutState.getValue());
        assertThat(isSignInPage(browser.open(request.toURI().toString()))).isTrue();
    }

    private static OIDCTokens redeem(TokenRequest request) throws Exception {
        TokenResponse response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString())
                .isTrue();
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }

    @Test
    void nimbusMetadataParserAcceptsTheQueryFormOfDiscoveryAndFindsTheSameIssuer() throws Exception {
        TestTenant t = newTenant();
        Browser.Response query = get(origin() + "/" + t.name()
                + "/v2.0/.well-known/openid-configuration?p=B2C_1_susi");

        OIDCProviderMetadata metadata = OIDCProviderMetadata.parse(query.body());

        assertThat(metadata.getIssuer()).isEqualTo(OIDCProviderMetadata.resolve(
                new Issuer(origin() + "/" + t.name() + "/b2c_1_susi/v2.0")).getIssuer());
        assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
        assertThat(metadata.getResponseModes()).extracting(Object::toString).contains("form_post");
        assertThat(metadata.getEndSessionEndpointURI().toString())
                .isEqualTo(origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/logout");
    }
}
