package dev.foyer.federation.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCScopeValue;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.foyer.federation.Connector;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.ProviderKind;
import dev.foyer.federation.ProviderSettings;
import dev.foyer.federation.UpstreamClaims;
import dev.foyer.federation.UpstreamException;
import dev.foyer.federation.UpstreamException.Reason;
import dev.foyer.federation.UpstreamHttp;
import dev.foyer.federation.UpstreamIdentity;
import dev.foyer.federation.UpstreamRequest;
import dev.foyer.secrets.SecretBox;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs users in with an OpenID Connect provider (generic, Google, Microsoft, Apple): the
 * authorization code flow with {@code state}, {@code nonce} and PKCE (S256).
 *
 * <p>{@link #authorizationUrl} reads the provider's discovery document (cached an hour) and
 * sends {@code openid} plus the configured scopes, and {@code response_mode=form_post} when the
 * provider is set up for it (Apple). {@link #complete} turns an error response into
 * {@link Reason#CANCELLED} ({@code access_denied}) or {@link Reason#PROVIDER_ERROR}, exchanges the
 * code with the PKCE verifier and the client secret ({@code client_secret_basic}, or
 * {@code client_secret_post} when that is all the provider accepts), and validates the ID token
 * before reading it: an asymmetric signature by a key of the provider's key set ({@code none} and
 * HMAC are refused), {@code iss} equal to the discovery issuer, {@code aud} containing the client
 * id ({@code azp} when there are several), {@code exp}/{@code iat} within a minute of skew, and
 * the request's {@code nonce}. Any failure there is {@link Reason#INVALID_RESPONSE}.
 *
 * <p>The identity's subject is {@code sub}; the profile comes through the provider's claim mapping,
 * completed from the user-info endpoint when the ID token lacks mapped claims (its {@code sub} must
 * match), and for Apple from the {@code user} field posted on first consent. The issuer recorded is
 * a preset's domain ({@code google.com}, {@code live.com}, {@code apple.com}) or the ID token's
 * {@code iss}. Upstream error text never reaches a message; tokens and secrets are never logged.
 */
@Component
public class OidcConnector implements Connector {

    static final long CLOCK_SKEW_SECONDS = 60;
    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Set<String> CANCELLATIONS = Set.of(
            "access_denied", "user_cancelled_login", "user_cancelled_authorize", "consent_required");

    private final SecretBox secrets;
    private final UpstreamHttp http;
    private final ProviderMetadataCache providers;

    @Autowired
    public OidcConnector(SecretBox secrets) {
        this(secrets, UpstreamHttp.withDefaultTimeouts(), Clock.systemUTC());
    }

    OidcConnector(SecretBox secrets, UpstreamHttp http, Clock clock) {
        this.secrets = secrets;
        this.http = http;
        this.providers = new ProviderMetadataCache(http, clock);
    }

    @Override
    public boolean handles(IdentityProvider provider) {
        return provider.kind().protocol() == ProviderKind.Protocol.OPENID_CONNECT;
    }

    @Override
    public URI authorizationUrl(IdentityProvider provider, UpstreamRequest request) throws UpstreamException {
        ProviderSettings settings = provider.effectiveSettings();
        OIDCProviderMetadata metadata = providers.metadata(settings.metadataUrl(), provider.displayName());
        Scope scope = new Scope(OIDCScopeValue.OPENID);
        if (settings.scopes() != null) {
            settings.scopes().stream().filter(s -> s != null && !s.isBlank()).map(String::trim).forEach(scope::add);
        }
        try {
            AuthenticationRequest.Builder authorization = new AuthenticationRequest.Builder(ResponseType.CODE, scope,
                    new ClientID(provider.clientId()), new URI(request.redirectUri()))
                    .endpointURI(metadata.getAuthorizationEndpointURI())
                    .state(new State(request.state()))
                    .nonce(new Nonce(request.nonce()))
                    .codeChallenge(new CodeVerifier(request.codeVerifier()), CodeChallengeMethod.S256);
            if ("form_post".equalsIgnoreCase(settings.responseMode())) {
                authorization.responseMode(ResponseMode.FORM_POST);
            }
            return authorization.build().toURI();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ProviderMetadataCache.misconfigured(provider.displayName());
        }
    }

    @Override
    public UpstreamIdentity complete(IdentityProvider provider, UpstreamRequest request, Map<String, String> callback)
            throws UpstreamException {
        String name = provider.displayName();
        refuseErrorResponse(name, callback);
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            throw invalid(name, "missing code", null);
        }
        ProviderSettings settings = provider.effectiveSettings();
        OIDCProviderMetadata metadata = providers.metadata(settings.metadataUrl(), name);
        OIDCTokens tokens = new TokenExchange(http, name).exchange(
                tokenRequest(provider, metadata, request, code));
        IDTokenClaimsSet idToken = validate(provider, metadata, tokens.getIDToken(), request.nonce());
        Map<String, Object> claims = new LinkedHashMap<String, Object>(idToken.toJSONObject());
        Map<String, String> mapping = settings.claimMapping() == null ? Map.of() : settings.claimMapping();
        if (!UpstreamClaims.hasAllProfileClaims(mapping, claims) && metadata.getUserInfoEndpointURI() != null) {
            mergeUserInfo(metadata.getUserInfoEndpointURI(), tokens, idToken.getSubject().getValue(), claims, name);
        }
        Map<String, String> attributes = new LinkedHashMap<>(UpstreamClaims.profile(mapping, claims));
        if (provider.kind() == ProviderKind.APPLE) {
            addAppleName(callback.get("user"), attributes);
        }
        String verifiedClaim = mapping.getOrDefault("emailVerified", "email_verified");
        boolean emailVerified = attributes.containsKey("email") && UpstreamClaims.isTrue(claims.get(verifiedClaim));
        String issuer = provider.kind().isPreset() ? provider.kind().defaults().domainHint()
                : idToken.getIssuer().getValue();
        return new UpstreamIdentity(issuer, idToken.getSubject().getValue(), attributes, emailVerified,
                tokens.getAccessToken() == null ? null : tokens.getAccessToken().getValue());
    }

    private static void refuseErrorResponse(String name, Map<String, String> callback) throws UpstreamException {
        String error = callback.get("error");
        if (error == null) {
            return;
        }
        if (CANCELLATIONS.contains(error)) {
            throw new UpstreamException(Reason.CANCELLED, "Signing in with " + name + " was cancelled.", error, null);
        }
        throw new UpstreamException(Reason.PROVIDER_ERROR,
                name + " could not sign you in. Please try again later.", error, null);
    }

    private TokenRequest tokenRequest(IdentityProvider provider, OIDCProviderMetadata metadata,
                                      UpstreamRequest request, String code) throws UpstreamException {
        ClientID clientId = new ClientID(provider.clientId());
        Secret secret = new Secret(clientSecret(provider));
        List<ClientAuthenticationMethod> methods = metadata.getTokenEndpointAuthMethods();
        boolean postOnly = methods != null && !methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                && methods.contains(ClientAuthenticationMethod.CLIENT_SECRET_POST);
        ClientAuthentication authentication = postOnly
                ? new ClientSecretPost(clientId, secret) : new ClientSecretBasic(clientId, secret);
        try {
            return new TokenRequest(metadata.getTokenEndpointURI(), authentication, new AuthorizationCodeGrant(
                    new AuthorizationCode(code), new URI(request.redirectUri()),
                    new CodeVerifier(request.codeVerifier())));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw ProviderMetadataCache.misconfigured(provider.displayName());
        }
    }

    private String clientSecret(IdentityProvider provider) throws UpstreamException {
        if (provider.sealedClientSecret() == null) {
            throw ProviderMetadataCache.misconfigured(provider.displayName());
        }
        try {
            return secrets.open(provider.sealedClientSecret(), IdentityProvider.secretBinding(provider.id()));
        } catch (RuntimeException e) {
            throw new UpstreamException(Reason.MISCONFIGURED,
                    ProviderMetadataCache.misconfigured(provider.displayName()).getMessage(), null, e);
        }
    }

    private IDTokenClaimsSet validate(IdentityProvider provider, OIDCProviderMetadata metadata, JWT idToken,
                                      String nonce) throws UpstreamException {
        String name = provider.displayName();
        if (idToken == null) {
            throw invalid(name, "no ID token", null);
        }
        Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
        List<JWSAlgorithm> published = metadata.getIDTokenJWSAlgs();
        (published == null || published.isEmpty() ? List.of(JWSAlgorithm.RS256) : published).stream()
                .filter(ASYMMETRIC::contains)
                .forEach(algorithms::add);
        if (algorithms.isEmpty()) {
            throw ProviderMetadataCache.misconfigured(name);
        }
        IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(provider.clientId()),
                new JWSVerificationKeySelector<>(algorithms, providers.keys(metadata, name)), null);
        validator.setMaxClockSkew((int) CLOCK_SKEW_SECONDS);
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, new Nonce(nonce));
        } catch (KeySourceException e) {
            throw new UpstreamException(Reason.UNREACHABLE,
                    name + " cannot be reached right now. Please try again later.", "key set unavailable", e);
        } catch (BadJOSEException | JOSEException e) {
            throw invalid(name, "ID token rejected", e);
        }
        // OpenID Connect Core 3.1.3.7: with several audiences the token must say it was issued to us.
        String authorizedParty = claims.getAuthorizedParty() == null ? null : claims.getAuthorizedParty().getValue();
        if ((claims.getAudience().size() > 1 && authorizedParty == null)
                || (authorizedParty != null && !authorizedParty.equals(provider.clientId()))) {
            throw invalid(name, "ID token issued to another party", null);
        }
        return claims;
    }

    private void mergeUserInfo(URI endpoint, OIDCTokens tokens, String subject, Map<String, Object> claims,
                               String name) throws UpstreamException {
        if (tokens.getAccessToken() == null) {
            return;
        }
        Map<String, Object> userInfo;
        try {
            UpstreamHttp.Response response = http.get(endpoint, Map.of(
                    "Authorization", "Bearer " + tokens.getAccessToken().getValue(), "Accept", "application/json"));
            if (!response.isSuccess() || !response.isJson()) {
                return;
            }
            userInfo = JSONObjectUtils.parse(response.body());
        } catch (IOException | java.text.ParseException e) {
            return; // the ID token alone is enough to sign in; missing attributes are asked for
        }
        if (!subject.equals(userInfo.get("sub"))) {
            throw invalid(name, "user-info subject differs from the ID token's", null);
        }
        userInfo.forEach(claims::putIfAbsent);
    }

    /** Apple posts {@code user={"name":{"firstName":..,"lastName":..}}} with the code, once. */
    private static void addAppleName(String user, Map<String, String> attributes) {
        if (user == null || user.length() > 4096) {
            return;
        }
        try {
            Map<String, Object> name = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(user), "name");
            if (name == null) {
                return;
            }
            String given = UpstreamClaims.text(name.get("firstName"));
            String family = UpstreamClaims.text(name.get("lastName"));
            if (given != null) {
                attributes.putIfAbsent("givenName", given);
            }
            if (family != null) {
                attributes.putIfAbsent("surname", family);
            }
            if (given != null || family != null) {
                attributes.putIfAbsent("displayName", String.join(" ",
                        java.util.stream.Stream.of(given, family).filter(s -> s != null).toList()));
            }
        } catch (java.text.ParseException e) {
            // an unreadable name is as good as none: the flow asks for it
        }
    }

    static UpstreamException invalid(String name, String why, Throwable cause) {
        return new UpstreamException(Reason.INVALID_RESPONSE,
                name + " sent an answer that could not be trusted. Please try again.", why, cause);
    }
}
