package dev.foyer.oidc;

import dev.foyer.keys.SigningKeys;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-flow discovery documents and the tenant's keys, at B2C's paths. Endpoints in the document
 * spell tenant and policy in lower case (MSAL rewrites them per policy); a discovery URL in another
 * casing is redirected to the canonical one, so the issuer is always the base of the URL a client
 * fetched.
 */
@RestController
class DiscoveryEndpoint {

    static final List<String> CLAIMS = List.of("iss", "sub", "aud", "exp", "iat", "nbf", "auth_time", "nonce", "ver",
            "tfp", "acr", "amr", "oid", "tid", "emails", "name", "given_name", "family_name", "idp", "idp_access_token", "newUser");

    private final FlowEndpoints endpoints;
    private final SigningKeys keys;

    DiscoveryEndpoint(FlowEndpoints endpoints, SigningKeys keys) {
        this.endpoints = endpoints;
        this.keys = keys;
    }

    @GetMapping("/{tenant}/{policy}/v2.0/.well-known/openid-configuration")
    ResponseEntity<Map<String, Object>> discovery(@PathVariable String tenant, @PathVariable String policy,
                                                  HttpServletRequest request) {
        Optional<FlowEndpoint> endpoint = endpoints.resolve(policy, request);
        if (endpoint.isEmpty()) {
            return notFound();
        }
        if (!tenant.equals(endpoint.get().tenant().name()) || !policy.equals(endpoint.get().flow().canonicalName())) {
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                    .location(URI.create(endpoint.get().discovery())).build();
        }
        return ResponseEntity.ok(metadata(endpoint.get()));
    }

    @GetMapping(path = "/{tenant}/v2.0/.well-known/openid-configuration", params = "p")
    ResponseEntity<Map<String, Object>> discoveryWithQueryPolicy(@RequestParam("p") String policy,
                                                                 HttpServletRequest request) {
        return endpoints.resolve(policy, request).map(e -> ResponseEntity.ok(metadata(e))).orElseGet(this::notFound);
    }

    @GetMapping("/{tenant}/{policy}/discovery/v2.0/keys")
    ResponseEntity<Map<String, Object>> keys(@PathVariable String policy, HttpServletRequest request) {
        if (endpoints.resolve(policy, request).isEmpty()) {
            return notFound();
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .body(keys.publicKeys().toJSONObject(true));
    }

    @GetMapping(path = "/{tenant}/discovery/v2.0/keys", params = "p")
    ResponseEntity<Map<String, Object>> keysWithQueryPolicy(@RequestParam("p") String policy,
                                                            HttpServletRequest request) {
        return keys(policy, request);
    }

    private static Map<String, Object> metadata(FlowEndpoint endpoint) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", endpoint.issuer());
        doc.put("authorization_endpoint", endpoint.authorize());
        doc.put("token_endpoint", endpoint.token());
        doc.put("end_session_endpoint", endpoint.logout());
        doc.put("jwks_uri", endpoint.keys());
        doc.put("userinfo_endpoint", endpoint.userinfo());
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token"));
        doc.put("scopes_supported", List.of("openid", "offline_access"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "client_secret_basic", "none"));
        doc.put("grant_types_supported", List.of("authorization_code", "refresh_token", "implicit", "client_credentials"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("prompt_values_supported", List.of("none", "login"));
        doc.put("claims_supported", CLAIMS);
        doc.put("request_parameter_supported", false);
        doc.put("claims_parameter_supported", false);
        return doc;
    }

    private ResponseEntity<Map<String, Object>> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "error_description", "This tenant or user flow does not exist."));
    }
}
