package dev.foyer.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.keys.SigningKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Verifies tokens this server signed: signature with the current tenant's published keys, issuer,
 * type. Other features (the admin API and portal) verify through the two public methods.
 */
@Component
public class BearerTokens {

    static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final SigningKeys keys;
    private final Clock clock;
    private final FlowEndpoints endpoints;

    BearerTokens(SigningKeys keys, Clock clock, FlowEndpoints endpoints) {
        this.keys = keys;
        this.clock = clock;
        this.endpoints = endpoints;
    }

    /** The claims of a live access token issued by {@code flowName} of the current tenant, as served to this request. */
    public Optional<JWTClaimsSet> verifyAccessToken(String token, String flowName, HttpServletRequest request) {
        return endpoints.resolve(flowName, request).flatMap(e -> verify(token, ACCESS_TOKEN, e.issuer(), true));
    }

    /** The claims of a live ID token issued by {@code flowName} of the current tenant, as served to this request. */
    public Optional<JWTClaimsSet> verifyIdToken(String token, String flowName, HttpServletRequest request) {
        return endpoints.resolve(flowName, request).flatMap(e -> verify(token, JOSEObjectType.JWT, e.issuer(), true));
    }

    /** The claims of a genuine token of {@code type} issued by {@code issuer}; expiry checked when asked. */
    Optional<JWTClaimsSet> verify(String token, JOSEObjectType type, String issuer, boolean checkExpiry) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null
                    || !type.equals(jwt.getHeader().getType())) {
                return Optional.empty();
            }
            Optional<RSAKey> key = keys.findPublished(jwt.getHeader().getKeyID());
            if (key.isEmpty() || !jwt.verify(new RSASSAVerifier(key.get()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer())) {
                return Optional.empty();
            }
            if (checkExpiry && (claims.getExpirationTime() == null
                    || !claims.getExpirationTime().after(Date.from(clock.instant())))) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
