package dev.foyer.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.userflow.UserFlowDefinition;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The userinfo endpoint: the flow's application claims for the bearer of a live access token of
 * this flow. A token whose grant was revoked (code replay, refresh-token replay) is refused.
 */
@RestController
class UserInfoEndpoint {

    private final FlowEndpoints endpoints;
    private final BearerTokens bearerTokens;
    private final Grants grants;
    private final Accounts accounts;

    UserInfoEndpoint(FlowEndpoints endpoints, BearerTokens bearerTokens, Grants grants, Accounts accounts) {
        this.endpoints = endpoints;
        this.bearerTokens = bearerTokens;
        this.grants = grants;
        this.accounts = accounts;
    }

    @RequestMapping(path = "/{tenant}/{policy}/openid/v2.0/userinfo", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> userinfo(@PathVariable String policy, HttpServletRequest request) {
        Optional<FlowEndpoint> endpoint = endpoints.resolve(policy, request);
        if (endpoint.isEmpty()) {
            return unauthorized("This tenant or user flow does not exist.");
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return ResponseEntity.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
        Optional<JWTClaimsSet> claims = bearerTokens.verify(header.substring(7).strip(), BearerTokens.ACCESS_TOKEN,
                endpoint.get().issuer(), true);
        if (claims.isEmpty()) {
            return unauthorized("The access token is invalid or has expired.");
        }
        Optional<UUID> grant = grantOf(claims.get().getJWTID());
        if (grant.isEmpty() || !grants.isActiveFor(grant.get(), endpoint.get().flow().id())) {
            return unauthorized("The access token has been revoked.");
        }
        Optional<User> user = accounts.find(UUID.fromString(claims.get().getSubject())).filter(User::enabled);
        if (user.isEmpty()) {
            return unauthorized("The account is no longer available.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", user.get().objectId().toString());
        // The access token names the provider the user signed in with (when the flow selects idp).
        Object idp = claims.get().getClaim("idp");
        body.putAll(ApplicationClaims.of(endpoint.get().flow().definition(), user.get(), endpoint.get().tenant(), false,
                idp instanceof String name && !UserFlowDefinition.LOCAL_ACCOUNT.equals(name) ? name : null));
        return ResponseEntity.ok(body);
    }

    @RequestMapping(path = "/{tenant}/openid/v2.0/userinfo", params = "p", method = {RequestMethod.GET, RequestMethod.POST})
    ResponseEntity<Map<String, Object>> userinfoWithQueryPolicy(@RequestParam("p") String policy,
                                                                HttpServletRequest request) {
        return userinfo(policy, request);
    }

    private static Optional<UUID> grantOf(String jwtId) {
        if (jwtId == null || jwtId.indexOf(TokenIssuer.GRANT_SEPARATOR) < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(jwtId.substring(0, jwtId.indexOf(TokenIssuer.GRANT_SEPARATOR))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<Map<String, Object>> unauthorized(String description) {
        return ResponseEntity.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\""
                        + description + "\"")
                .body(Map.of("error", "invalid_token", "error_description", description));
    }

}
