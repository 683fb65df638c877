package dev.foyer.oidc;

import java.util.List;
import java.util.UUID;

/**
 * A validated authorize request; kept (as opaque protocol state) while the journey runs, and in
 * the authorization code until it is redeemed.
 *
 * @param responseTypes {@code code} and/or {@code id_token}
 * @param responseMode  {@code query}, {@code fragment} or {@code form_post}
 * @param maxAgeSeconds null when absent
 * @param domainHint    B2C's {@code domain_hint} (an identity provider's domain, e.g. {@code google.com}); null when absent
 */
record AuthorizationRequest(
        UUID clientId,
        UUID flowId,
        String redirectUri,
        List<String> responseTypes,
        String responseMode,
        List<String> scopes,
        String state,
        String nonce,
        String codeChallenge,
        String prompt,
        Long maxAgeSeconds,
        String loginHint,
        List<String> acrValues,
        String uiLocales,
        String domainHint) {

    static final String CODE = "code";
    static final String ID_TOKEN = "id_token";

    AuthorizationRequest {
        responseTypes = List.copyOf(responseTypes);
        scopes = List.copyOf(scopes);
        acrValues = acrValues == null ? List.of() : List.copyOf(acrValues);
    }

    boolean wantsCode() {
        return responseTypes.contains(CODE);
    }

    boolean wantsIdToken() {
        return responseTypes.contains(ID_TOKEN);
    }

    boolean wantsRefreshToken() {
        return scopes.contains("offline_access");
    }
}
