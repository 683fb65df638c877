package dev.foyer.oidc;

import dev.foyer.application.ApiPermissions;
import dev.foyer.application.Application;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.userflow.TokenLifetimes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token endpoint: {@code authorization_code} (PKCE S256; a replayed code revokes what it
 * issued) and {@code refresh_token} (rotated on every use; a replayed token revokes its family).
 * A code or refresh token is honoured only at the token endpoint of the flow that issued it.
 * It reads no cookie — the client proves itself with its credentials and the code or refresh token
 * — so there is no session for a forged cross-site post to ride on, and no CSRF token.
 */
@RestController
class TokenEndpoint {

    private static final Pattern PKCE_VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    private final FlowEndpoints endpoints;
    private final ClientAuthenticator clients;
    private final Grants grants;
    private final TokenIssuer tokens;
    private final Accounts accounts;
    private final ApiPermissions permissions;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    TokenEndpoint(FlowEndpoints endpoints, ClientAuthenticator clients, Grants grants, TokenIssuer tokens,
                  Accounts accounts, ApiPermissions permissions, Clock clock, TransactionTemplate transaction,
                  JsonMapper json) {
        this.endpoints = endpoints;
        this.clients = clients;
        this.grants = grants;
        this.tokens = tokens;
        this.accounts = accounts;
        this.permissions = permissions;
        this.clock = clock;
        this.transaction = transaction;
        this.json = json;
    }

    @PostMapping(path = "/{tenant}/{policy}/oauth2/v2.0/token")
    void token(@PathVariable String policy, @RequestParam MultiValueMap<String, String> form,
               HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(transaction.execute(status -> answer(policy, form, request)), response);
    }

    @PostMapping(path = "/{tenant}/oauth2/v2.0/token", params = "p")
    void tokenWithQueryPolicy(@RequestParam("p") String policy, @RequestParam MultiValueMap<String, String> form,
                              HttpServletRequest request, HttpServletResponse response) throws IOException {
        token(policy, form, request, response);
    }

    /** What the client gets; decided in one transaction, so a revocation made on the way is kept. */
    private record Answer(int status, Map<String, Object> body, boolean basicChallenge) {
    }

    private Answer answer(String policy, MultiValueMap<String, String> form, HttpServletRequest request) {
        Optional<FlowEndpoint> endpoint = endpoints.resolve(policy, request);
        if (endpoint.isEmpty()) {
            return error(new OAuthError("invalid_request", "This tenant or user flow does not exist.", 404), false);
        }
        TokenRequest tokenRequest;
        try {
            tokenRequest = TokenRequest.parse(form, request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (TokenRequest.Refused e) {
            return error(e.error, e.basic);
        }
        ClientAuthenticator.Result client = clients.authenticate(tokenRequest.client());
        if (client.error() != null) {
            return error(client.error(), client.usedBasic());
        }
        try {
            return new Answer(200, switch (tokenRequest.grantType()) {
                case AUTHORIZATION_CODE -> authorizationCode(endpoint.get(), client.application(), tokenRequest);
                case REFRESH_TOKEN -> refreshToken(endpoint.get(), client.application(), tokenRequest);
                case CLIENT_CREDENTIALS -> clientCredentials(endpoint.get(), client.application(), tokenRequest);
            }, false);
        } catch (TokenRequestException e) {
            return error(e.error, false);
        }
    }

    /**
     * Writes the answer after its transaction has committed: never tokens whose grant was not
     * stored. The body goes out as bytes with its length, in one write: through Spring MVC's
     * message converters a token response cost a sixth of the request threads' time (converter
     * and media-type selection, a streamed and flushed body sent chunked).
     */
    private void write(Answer answer, HttpServletResponse response) throws IOException {
        byte[] body = json.writeValueAsBytes(answer.body());
        response.setStatus(answer.status());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (answer.basicChallenge()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"foyer\"");
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private Map<String, Object> authorizationCode(FlowEndpoint endpoint, Application client,
                                                  TokenRequest params) {
        String code = params.code();
        Instant now = clock.instant();
        Grants.StoredCode stored = grants.findCode(code)
                .filter(c -> c.grant().request().clientId().equals(client.clientId()))
                .orElseThrow(() -> invalidGrant("The authorization code is invalid."));
        if (stored.redeemed()) {
            throw revoke(stored.grantId(), "code_reuse", now,
                    "The authorization code was already redeemed; the tokens issued with it are revoked.");
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw invalidGrant("The authorization code has expired.");
        }
        AuthorizationRequest authorization = stored.grant().request();
        if (!authorization.flowId().equals(endpoint.flow().id())) {
            throw invalidGrant("The authorization code was issued by another user flow.");
        }
        if (!authorization.redirectUri().equals(params.redirectUri())) {
            throw invalidGrant("redirect_uri does not match the one of the authorization request.");
        }
        checkPkce(authorization.codeChallenge(), params.codeVerifier());
        if (!stored.grantActive()) {
            throw invalidGrant("The authorization code has been revoked.");
        }
        if (!grants.redeem(code, now)) {
            throw revoke(stored.grantId(), "code_reuse", now,
                    "The authorization code was already redeemed; the tokens issued with it are revoked.");
        }
        Authentication authentication = stored.grant().authentication();
        User user = activeUser(authentication.objectId());
        TokenLifetimes lifetimes = endpoint.flow().properties().tokenLifetimes();
        Instant familyExpiresAt = lifetimes.refreshSlidingWindow() == null ? null
                : now.plus(lifetimes.refreshSlidingWindow());
        return issue(endpoint, stored.grantId(), authentication, user, authorization.nonce(), familyExpiresAt,
                null, now);
    }

    private Map<String, Object> refreshToken(FlowEndpoint endpoint, Application client, TokenRequest params) {
        String token = params.refreshToken();
        Instant now = clock.instant();
        Grants.StoredRefreshToken stored = grants.findRefreshToken(token)
                .filter(t -> t.authentication().clientId().equals(client.clientId()))
                .orElseThrow(() -> invalidGrant("The refresh token is invalid."));
        if (!stored.authentication().flowId().equals(endpoint.flow().id())) {
            throw invalidGrant("The refresh token was issued by another user flow.");
        }
        if (!stored.grantActive()) {
            throw invalidGrant("The refresh token has been revoked.");
        }
        if (!now.isBefore(stored.expiresAt())
                || (stored.familyExpiresAt() != null && !now.isBefore(stored.familyExpiresAt()))) {
            throw invalidGrant("The refresh token has expired.");
        }
        if (stored.rotated() || !grants.rotate(token, now)) {
            throw revoke(stored.grantId(), "refresh_token_reuse", now,
                    "The refresh token was already used; every token of this sign-in is revoked.");
        }
        Authentication authentication = stored.authentication().refreshed();
        User user = activeUser(authentication.objectId());
        return issue(endpoint, stored.grantId(), authentication, user, null, stored.familyExpiresAt(), stored, now);
    }

    /** An application acting for itself: only confidential clients, only scopes granted to them. */
    private Map<String, Object> clientCredentials(FlowEndpoint endpoint, Application client,
                                                  TokenRequest params) {
        if (!client.type().isConfidential()) {
            throw new TokenRequestException(new OAuthError("unauthorized_client",
                    "Only confidential applications may use client_credentials.", 400));
        }
        Set<String> granted = permissions.of(client.clientId());
        List<String> requested = AuthorizationRequestParser.split(params.scope());
        List<String> scopes = requested.isEmpty() ? List.copyOf(granted) : requested;
        if (scopes.isEmpty() || !granted.containsAll(scopes)) {
            throw new TokenRequestException(OAuthError.invalidScope("The application is not granted "
                    + (scopes.isEmpty() ? "any scope" : "the scope " + String.join(" ", scopes)) + "."));
        }
        TokenIssuer.Issued access = tokens.clientAccessToken(endpoint, client.clientId(), scopes);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(access.issuedAt(), access.expiresAt()).toSeconds());
        body.put("not_before", access.issuedAt().getEpochSecond());
        body.put("expires_on", access.expiresAt().getEpochSecond());
        body.put("scope", String.join(" ", scopes));
        return body;
    }

    /** The tokens of a grant; {@code rotated} is the refresh token this answer replaces, null for a code. */
    private Map<String, Object> issue(FlowEndpoint endpoint, UUID grantId, Authentication authentication, User user,
                                      String nonce, Instant familyExpiresAt, Grants.StoredRefreshToken rotated,
                                      Instant now) {
        TokenIssuer.Issued access = tokens.accessToken(endpoint, authentication, user, grantId);
        TokenIssuer.Issued id = tokens.idToken(endpoint, authentication, user, nonce, null, access.value());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access.value());
        body.put("token_type", "Bearer");
        body.put("expires_in", Duration.between(access.issuedAt(), access.expiresAt()).toSeconds());
        body.put("not_before", access.issuedAt().getEpochSecond());
        body.put("expires_on", access.expiresAt().getEpochSecond());
        body.put("id_token", id.value());
        body.put("id_token_expires_in", Duration.between(id.issuedAt(), id.expiresAt()).toSeconds());
        body.put("scope", String.join(" ", authentication.scopes()));
        if (authentication.scopes().contains("offline_access")) {
            Instant expiresAt = now.plus(endpoint.flow().properties().tokenLifetimes().refreshToken());
            if (familyExpiresAt != null && familyExpiresAt.isBefore(expiresAt)) {
                expiresAt = familyExpiresAt;
            }
            body.put("refresh_token", rotated == null
                    ? grants.issueRefreshToken(grantId, authentication, now, expiresAt, familyExpiresAt)
                    : grants.issueRefreshToken(rotated, authentication, now, expiresAt, familyExpiresAt));
            body.put("refresh_token_expires_in", Duration.between(now, expiresAt).toSeconds());
        }
        return body;
    }

    private static void checkPkce(String challenge, String verifier) {
        if (challenge == null) {
            if (verifier != null) {
                throw invalidGrant("code_verifier was sent but the authorization request had no code_challenge.");
            }
            return;
        }
        if (verifier == null || verifier.isEmpty()) {
            throw invalidGrant("code_verifier is required: the authorization request used PKCE.");
        }
        if (!PKCE_VERIFIER.matcher(verifier).matches() || !OpaqueTokens.equal(challenge, s256(verifier))) {
            throw invalidGrant("code_verifier does not match the code_challenge.");
        }
    }

    static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private User activeUser(UUID objectId) {
        return accounts.find(objectId).filter(User::enabled)
                .orElseThrow(() -> invalidGrant("The account is no longer available."));
    }

    private TokenRequestException revoke(UUID grantId, String reason, Instant now, String description) {
        grants.revoke(grantId, reason, now);
        return new TokenRequestException(OAuthError.invalidGrant(description));
    }

    private static TokenRequestException invalidGrant(String description) {
        return new TokenRequestException(OAuthError.invalidGrant(description));
    }

    private static Answer error(OAuthError error, boolean basic) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.code());
        body.put("error_description", error.description());
        return new Answer(error.status(), body, basic && error.status() == 401);
    }

    /** A token request refused. Caught inside the transaction, so a revocation it made is kept. */
    static class TokenRequestException extends RuntimeException {
        final OAuthError error;

        TokenRequestException(OAuthError error) {
            super(error.description(), null, false, false);
            this.error = error;
        }
    }
}
