package dev.foyer.federation;

import java.util.List;
import java.util.Map;

/**
 * The kind-specific part of an identity provider, stored as one JSON document. Absent values
 * ({@code null}) fall back to the kind's preset ({@link #withDefaults}).
 *
 * @param metadataUrl      OpenID Connect: the provider's discovery document
 *                         ({@code .../.well-known/openid-configuration})
 * @param authorizationUrl OAuth 2.0: where the browser is sent
 * @param tokenUrl         OAuth 2.0: where the code is exchanged
 * @param userInfoUrl      OAuth 2.0: where the user's claims are read with the access token
 * @param issuer           OAuth 2.0: the name recorded as the identity's issuer and sent as {@code idp}
 *                         (e.g. {@code facebook.com}); OpenID Connect providers use their {@code iss}
 * @param scopes           requested scopes ({@code openid} is always sent to OpenID Connect providers)
 * @param claimMapping     Foyer attribute ({@code userId}, {@code email}, {@code emailVerified},
 *                         {@code displayName}, {@code givenName}, {@code surname}) → upstream claim name
 * @param domainHint       the {@code domain_hint} value that skips straight to this provider
 *                         (e.g. {@code google.com})
 * @param responseMode     {@code form_post} when the provider posts the code back (Apple); else query
 */
public record ProviderSettings(String metadataUrl, String authorizationUrl, String tokenUrl, String userInfoUrl,
                               String issuer, List<String> scopes, Map<String, String> claimMapping,
                               String domainHint, String responseMode) {

    /** Standard OpenID Connect claims for Foyer's built-in attributes. */
    public static final Map<String, String> OIDC_MAPPING = Map.of(
            "userId", "sub", "email", "email", "emailVerified", "email_verified", "displayName", "name",
            "givenName", "given_name", "surname", "family_name");

    public ProviderSettings {
        scopes = scopes == null ? null : List.copyOf(scopes);
        claimMapping = claimMapping == null ? null : Map.copyOf(claimMapping);
    }

    static ProviderSettings empty() {
        return new ProviderSettings(null, null, null, null, null, null, null, null, null);
    }

    /** These settings with every absent value taken from {@code preset}. */
    public ProviderSettings withDefaults(ProviderSettings preset) {
        return new ProviderSettings(
                or(metadataUrl, preset.metadataUrl), or(authorizationUrl, preset.authorizationUrl),
                or(tokenUrl, preset.tokenUrl), or(userInfoUrl, preset.userInfoUrl), or(issuer, preset.issuer),
                or(scopes, preset.scopes), or(claimMapping, preset.claimMapping), or(domainHint, preset.domainHint),
                or(responseMode, preset.responseMode));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
