package dev.foyer.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.claims.AccessTokenHash;
import com.nimbusds.openid.connect.sdk.claims.CodeHash;
import dev.foyer.directory.User;
import dev.foyer.journey.JourneyResult;
import dev.foyer.keys.ActiveSigner;
import dev.foyer.keys.SigningKeys;
import dev.foyer.secrets.SecretBox;
import dev.foyer.secrets.SecretUnreadableException;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.userflow.TokenCompatibility;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Signs ID and access tokens (RS256, {@code kid} in the header) with the tenant's active key. */
@Component
class TokenIssuer {

    /** Marks an access token's {@code jti} with its grant, so revoking the grant revokes the token. */
    static final char GRANT_SEPARATOR = '.';
    static final String IDP_ACCESS_TOKEN = "idp_access_token";

    private static final Logger log = LoggerFactory.getLogger(TokenIssuer.class);

    private final SigningKeys keys;
    private final Clock clock;
    private final SecretBox secretBox;

    TokenIssuer(SigningKeys keys, Clock clock, SecretBox secretBox) {
        this.keys = keys;
        this.clock = clock;
        this.secretBox = secretBox;
    }

    record Issued(String value, Instant issuedAt, Instant expiresAt) {
    }

    Issued idToken(FlowEndpoint endpoint, Authentication authentication, User user, String nonce, String code,
                   String accessToken) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime(endpoint));
        JWTClaimsSet.Builder claims = common(endpoint, authentication, user, now, expiresAt)
                .audience(authentication.clientId().toString());
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        if (code != null) {
            claims.claim("c_hash", CodeHash.compute(new AuthorizationCode(code), JWSAlgorithm.RS256).getValue());
        }
        if (accessToken != null) {
            claims.claim("at_hash",
                    AccessTokenHash.compute(new BearerAccessToken(accessToken), JWSAlgorithm.RS256).getValue());
        }
        ApplicationClaims.of(endpoint.flow().definition(), user, endpoint.tenant(), authentication.newUser(),
                        authentication.idp())
                .forEach(claims::claim);
        idpAccessToken(endpoint, authentication).ifPresent(token -> claims.claim(IDP_ACCESS_TOKEN, token));
        return new Issued(sign(claims.build(), JOSEObjectType.JWT), now, expiresAt);
    }

    Issued accessToken(FlowEndpoint endpoint, Authentication authentication, User user, UUID grantId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime(endpoint));
        JWTClaimsSet.Builder claims = common(endpoint, authentication, user, now, expiresAt)
                .audience(authentication.clientId().toString())
                .jwtID(grantId + String.valueOf(GRANT_SEPARATOR) + OpaqueTokens.generate().substring(0, 16))
                .claim("azp", authentication.clientId().toString())
                .claim("scp", String.join(" ", authentication.scopes()));
        ApplicationClaims.of(endpoint.flow().definition(), user, endpoint.tenant(), false, authentication.idp())
                .forEach(claims::claim);
        idpAccessToken(endpoint, authentication).ifPresent(token -> claims.claim(IDP_ACCESS_TOKEN, token));
        return new Issued(sign(claims.build(), new JOSEObjectType("at+jwt")), now, expiresAt);
    }

    /** An app-only access token: the application itself is the subject; no user, no amr. */
    Issued clientAccessToken(FlowEndpoint endpoint, UUID clientId, java.util.List<String> scopes) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime(endpoint));
        TokenCompatibility.FlowClaim flowClaim = endpoint.flow().properties().tokenCompatibility().flowClaim();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(endpoint.issuer())
                .subject(clientId.toString())
                .audience(clientId.toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(OpaqueTokens.generate().substring(0, 22))
                .claim("ver", "1.0")
                .claim("azp", clientId.toString())
                .claim("tid", endpoint.tenant().id().toString())
                .claim("scp", String.join(" ", scopes))
                .claim(flowClaim == TokenCompatibility.FlowClaim.ACR ? "acr" : "tfp", endpoint.flow().name())
                .build();
        return new Issued(sign(claims, new JOSEObjectType("at+jwt")), now, expiresAt);
    }

    private static JWTClaimsSet.Builder common(FlowEndpoint endpoint, Authentication authentication, User user,
                                               Instant now, Instant expiresAt) {
        TokenCompatibility.FlowClaim flowClaim = endpoint.flow().properties().tokenCompatibility().flowClaim();
        return new JWTClaimsSet.Builder()
                .issuer(endpoint.issuer())
                .subject(user.objectId().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .claim("ver", "1.0")
                .claim("auth_time", authentication.authTime().getEpochSecond())
                .claim(flowClaim == TokenCompatibility.FlowClaim.ACR ? "acr" : "tfp", endpoint.flow().name())
                .claim("amr", authentication.amr());
    }

    private static Duration lifetime(FlowEndpoint endpoint) {
        return endpoint.flow().properties().tokenLifetimes().accessAndIdToken();
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) {
        ActiveSigner key = keys.activeSigner();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).type(type)
                .build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Signing failed", e);
        }
        return jwt.serialize();
    }

    /**
     * The upstream provider's access token, when the flow selects {@code idp_access_token} and the
     * user signed in upstream on the run that made this grant; it waits sealed in the grant.
     */
    private Optional<String> idpAccessToken(FlowEndpoint endpoint, Authentication authentication) {
        if (authentication.sealedIdpAccessToken() == null
                || !endpoint.flow().definition().applicationClaims().contains(IDP_ACCESS_TOKEN)) {
            return Optional.empty();
        }
        try {
            return Optional.of(secretBox.open(authentication.sealedIdpAccessToken(), JourneyResult.IDP_ACCESS_TOKEN));
        } catch (SecretUnreadableException e) {
            log.warn("The upstream access token of a grant cannot be opened and is left out: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
