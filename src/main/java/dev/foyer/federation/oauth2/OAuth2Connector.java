package dev.foyer.federation.oauth2;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.util.URLUtils;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs users in with a plain OAuth 2.0 provider (generic, Facebook, GitHub): there is no ID token,
 * so who signed in is what the provider's user-info endpoint says to the access token obtained for
 * this very sign-in.
 *
 * <p>{@link #authorizationUrl} sends the configured scopes, {@code state} and a PKCE S256 challenge
 * (providers that do not know PKCE ignore it). {@link #complete} turns an error response into
 * {@link Reason#CANCELLED} ({@code access_denied}) or {@link Reason#PROVIDER_ERROR}, exchanges the
 * code at the token URL as a form post with {@code client_secret_post} (what most OAuth 2.0
 * providers expect) and {@code Accept: application/json} (GitHub answers form-encoded otherwise),
 * then reads the user-info URL with the access token as a bearer token.
 *
 * <p>The claim mapping must name the {@code userId} claim (numbers become strings); the profile
 * attributes come through the same mapping. The email counts as verified only when the mapping
 * names an {@code emailVerified} claim and the provider says {@code true} — GitHub's and Facebook's
 * user e-mail is not vouched for. The issuer recorded is a preset's domain ({@code facebook.com},
 * {@code github.com}), else the configured issuer, else the authorization URL's host. Upstream
 * error text never reaches a message; tokens and secrets are never logged.
 */
@Component
public class OAuth2Connector implements Connector {

    private static final Set<String> CANCELLATIONS = Set.of("access_denied", "user_cancelled_login",
            "user_cancelled_authorize");

    private final SecretBox secrets;
    private final UpstreamHttp http;

    @Autowired
    public OAuth2Connector(SecretBox secrets) {
        this(secrets, UpstreamHttp.withDefaultTimeouts());
    }

    OAuth2Connector(SecretBox secrets, UpstreamHttp http) {
        this.secrets = secrets;
        this.http = http;
    }

    @Override
    public boolean handles(IdentityProvider provider) {
        return provider.kind().protocol() == ProviderKind.Protocol.OAUTH2;
    }

    @Override
    public URI authorizationUrl(IdentityProvider provider, UpstreamRequest request) throws UpstreamException {
        ProviderSettings settings = provider.effectiveSettings();
        URI endpoint = url(settings.authorizationUrl(), provider);
        AuthorizationRequest.Builder authorization;
        try {
            authorization = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(provider.clientId()))
                    .endpointURI(endpoint)
                    .redirectionURI(new URI(request.redirectUri()))
                    .state(new State(request.state()))
                    .codeChallenge(new CodeVerifier(request.codeVerifier()), CodeChallengeMethod.S256);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw misconfigured(provider);
        }
        if (settings.scopes() != null && settings.scopes().stream().anyMatch(s -> s != null && !s.isBlank())) {
            Scope scope = new Scope();
            settings.scopes().stream().filter(s -> s != null && !s.isBlank()).map(String::trim).forEach(scope::add);
            authorization.scope(scope);
        }
        return authorization.build().toURI();
    }

    @Override
    public UpstreamIdentity complete(IdentityProvider provider, UpstreamRequest request, Map<String, String> callback)
            throws UpstreamException {
        refuseErrorResponse(provider, callback);
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            throw invalid(provider, "missing code");
        }
        ProviderSettings settings = provider.effectiveSettings();
        URI tokenUrl = url(settings.tokenUrl(), provider);
        URI userInfoUrl = url(settings.userInfoUrl(), provider);
        Map<String, String> mapping = settings.claimMapping() == null ? Map.of() : settings.claimMapping();
        String userIdClaim = mapping.get("userId");
        if (userIdClaim == null || userIdClaim.isBlank()) {
            throw misconfigured(provider);
        }
        String accessToken = exchange(provider, tokenUrl, request, code);
        Map<String, Object> claims = userInfo(provider, userInfoUrl, accessToken);
        String subject = UpstreamClaims.text(claims.get(userIdClaim));
        if (subject == null) {
            throw invalid(provider, "user-info without user id");
        }
        Map<String, String> attributes = UpstreamClaims.profile(mapping, claims);
        String verifiedClaim = mapping.get("emailVerified");
        boolean emailVerified = verifiedClaim != null && attributes.containsKey("email")
                && UpstreamClaims.isTrue(claims.get(verifiedClaim));
        return new UpstreamIdentity(issuer(provider, settings), subject, attributes, emailVerified, accessToken);
    }

    private static void refuseErrorResponse(IdentityProvider provider, Map<String, String> callback)
            throws UpstreamException {
        String error = callback.get("error");
        if (error == null) {
            return;
        }
        if (CANCELLATIONS.contains(error)) {
            throw new UpstreamException(Reason.CANCELLED,
                    "Signing in with " + provider.displayName() + " was cancelled.", error, null);
        }
        throw providerError(provider, error);
    }

    private String exchange(IdentityProvider provider, URI tokenUrl, UpstreamRequest request, String code)
            throws UpstreamException {
        HTTPRequest form;
        try {
            form = new TokenRequest(tokenUrl, new ClientSecretPost(new ClientID(provider.clientId()),
                    new Secret(clientSecret(provider))), new AuthorizationCodeGrant(new AuthorizationCode(code),
                    new URI(request.redirectUri()), new CodeVerifier(request.codeVerifier()))).toHTTPRequest();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw misconfigured(provider);
        }
        UpstreamHttp.Response response = call(provider,
                () -> http.postForm(tokenUrl, Map.of("Accept", "application/json"), form.getBody()));
        Map<String, Object> answer = body(response);
        if (!response.isSuccess() || answer.containsKey("error")) {
            // GitHub reports a bad code with 200 and an error field.
            String error = UpstreamClaims.text(answer.get("error"));
            if (error == null && response.status() >= 500) {
                throw unreachable(provider, "token endpoint HTTP " + response.status());
            }
            throw providerError(provider, error != null ? error : "token endpoint HTTP " + response.status());
        }
        String accessToken = UpstreamClaims.text(answer.get("access_token"));
        if (accessToken == null) {
            throw invalid(provider, "token response without access token");
        }
        return accessToken;
    }

    private Map<String, Object> userInfo(IdentityProvider provider, URI userInfoUrl, String accessToken)
            throws UpstreamException {
        UpstreamHttp.Response response = call(provider, () -> http.get(userInfoUrl,
                Map.of("Authorization", "Bearer " + accessToken, "Accept", "application/json")));
        if (response.status() >= 500) {
            throw unreachable(provider, "user-info HTTP " + response.status());
        }
        if (!response.isSuccess()) {
            throw providerError(provider, "user-info HTTP " + response.status());
        }
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (java.text.ParseException e) {
            throw invalid(provider, "user-info is not a JSON object");
        }
    }

    /** A JSON object, or form fields (what some token endpoints answer); empty when neither. */
    private static Map<String, Object> body(UpstreamHttp.Response response) {
        String contentType = response.contentType() == null ? "" : response.contentType().toLowerCase(Locale.ROOT);
        try {
            if (contentType.contains("x-www-form-urlencoded") || contentType.startsWith("text/plain")) {
                return URLUtils.parseParameters(response.body()).entrySet().stream()
                        .filter(e -> !e.getValue().isEmpty())
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue().get(0)));
            }
            return JSONObjectUtils.parse(response.body());
        } catch (java.text.ParseException | RuntimeException e) {
            return Map.of();
        }
    }

    private static String issuer(IdentityProvider provider, ProviderSettings settings) throws UpstreamException {
        if (provider.kind().isPreset()) {
            return provider.kind().defaults().domainHint();
        }
        if (settings.issuer() != null && !settings.issuer().isBlank()) {
            return settings.issuer();
        }
        String host = url(settings.authorizationUrl(), provider).getHost();
        if (host == null) {
            throw misconfigured(provider);
        }
        return host.toLowerCase(Locale.ROOT);
    }

    private String clientSecret(IdentityProvider provider) throws UpstreamException {
        if (provider.sealedClientSecret() == null) {
            throw misconfigured(provider);
        }
        try {
            return secrets.open(provider.sealedClientSecret(), IdentityProvider.secretBinding(provider.id()));
        } catch (RuntimeException e) {
            throw new UpstreamException(Reason.MISCONFIGURED, misconfigured(provider).getMessage(), null, e);
        }
    }

    private interface Call {
        UpstreamHttp.Response send() throws IOException;
    }

    private static UpstreamHttp.Response call(IdentityProvider provider, Call call) throws UpstreamException {
        try {
            return call.send();
        } catch (IOException e) {
            throw new UpstreamException(Reason.UNREACHABLE, unreachable(provider, null).getMessage(), null, e);
        }
    }

    private static URI url(String value, IdentityProvider provider) throws UpstreamException {
        if (value == null || value.isBlank()) {
            throw misconfigured(provider);
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!List.of("https", "http").contains(scheme) || uri.getHost() == null) {
                throw misconfigured(provider);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw misconfigured(provider);
        }
    }

    private static UpstreamException misconfigured(IdentityProvider provider) {
        return new UpstreamException(Reason.MISCONFIGURED,
                "Signing in with " + provider.displayName() + " is not set up correctly on this server.");
    }

    private static UpstreamException unreachable(IdentityProvider provider, String why) {
        return new UpstreamException(Reason.UNREACHABLE,
                provider.displayName() + " cannot be reached right now. Please try again later.", why, null);
    }

    private static UpstreamException providerError(IdentityProvider provider, String error) {
        return new UpstreamException(Reason.PROVIDER_ERROR,
                provider.displayName() + " could not sign you in. Please try again later.", error, null);
    }

    private static UpstreamException invalid(IdentityProvider provider, String why) {
        return new UpstreamException(Reason.INVALID_RESPONSE,
                provider.displayName() + " sent an answer that could not be trusted. Please try again.", why, null);
    }
}
