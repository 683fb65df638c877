package dev.foyer.federation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who the provider says signed in, after validation.
 *
 * @param issuer        recorded as the federated identity's issuer and sent as the {@code idp} claim
 *                      (the ID token's {@code iss}, or the OAuth 2.0 provider's configured issuer)
 * @param subject       the provider's stable id for the user ({@code sub}, or the mapped user id)
 * @param attributes    Foyer attribute name ({@code email}, {@code displayName}, {@code givenName},
 *                      {@code surname}) → value, only those the provider supplied
 * @param emailVerified whether the provider vouches for {@code email} (an OpenID Connect
 *                      {@code email_verified}, or a provider known to verify addresses)
 * @param accessToken   the provider's access token, for the {@code idp_access_token} claim; may be null
 */
public record UpstreamIdentity(String issuer, String subject, Map<String, String> attributes, boolean emailVerified,
                               String accessToken) {

    public UpstreamIdentity {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public Optional<String> email() {
        return Optional.ofNullable(attributes.get("email"));
    }

    /** Keeps the access token out of logs. */
    @Override
    public String toString() {
        return "UpstreamIdentity[issuer=" + issuer + ", subject=" + subject + ", attributes=" + attributes.keySet()
                + ", emailVerified=" + emailVerified + "]";
    }
}
