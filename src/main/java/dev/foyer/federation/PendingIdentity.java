package dev.foyer.federation;

import dev.foyer.journey.StepContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An upstream identity with no Foyer user yet, as {@link FederatedSignInStep} keeps it in its
 * journey data until {@link FederatedLinkStep} links it or {@link FederatedSignUpStep} creates the
 * user. Only validated values from the connector are kept; the upstream access token is not.
 *
 * @param attributes Foyer attribute ({@code email}, {@code displayName}, {@code givenName},
 *                   {@code surname}) → value the provider supplied
 */
record PendingIdentity(String providerName, String issuer, String subject, Map<String, String> attributes,
                       boolean emailVerified) {

    static final List<String> ATTRIBUTES = List.of("email", "displayName", "givenName", "surname");

    private static final String PREFIX = "pending.";
    private static final int MAX_LENGTH = 256;

    PendingIdentity {
        attributes = Map.copyOf(attributes);
    }

    static PendingIdentity of(IdentityProvider provider, UpstreamIdentity identity) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : ATTRIBUTES) {
            String value = identity.attributes().get(name);
            // Kept only when it could be stored: a longer or garbled value is asked for (or dropped) instead.
            if (value != null && !value.isBlank() && value.length() <= MAX_LENGTH
                    && value.chars().noneMatch(Character::isISOControl)) {
                attributes.put(name, value.strip());
            }
        }
        return new PendingIdentity(provider.name(), identity.issuer(), identity.subject(), attributes,
                identity.emailVerified());
    }

    /** Writes into the data of the step {@code context} belongs to (the federated sign-in step). */
    void save(StepContext context) {
        context.put(PREFIX + "provider", providerName);
        context.put(PREFIX + "issuer", issuer);
        context.put(PREFIX + "subject", subject);
        context.put(PREFIX + "emailVerified", String.valueOf(emailVerified));
        ATTRIBUTES.forEach(name -> context.put(PREFIX + "attr." + name, attributes.get(name)));
    }

    /** The pending identity of the journey, read from the federated sign-in step's data. */
    static Optional<PendingIdentity> of(StepContext context) {
        Optional<String> issuer = read(context, "issuer");
        Optional<String> subject = read(context, "subject");
        Optional<String> provider = read(context, "provider");
        if (issuer.isEmpty() || subject.isEmpty() || provider.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        ATTRIBUTES.forEach(name -> read(context, "attr." + name).ifPresent(v -> attributes.put(name, v)));
        return Optional.of(new PendingIdentity(provider.get(), issuer.get(), subject.get(), attributes,
                read(context, "emailVerified").map(Boolean::parseBoolean).orElse(false)));
    }

    /** The email the provider vouches for, if it gave one and verified it. */
    Optional<String> verifiedEmail() {
        return emailVerified ? Optional.ofNullable(attributes.get("email")) : Optional.empty();
    }

    private static Optional<String> read(StepContext context, String key) {
        return context.getOf(FederatedSignInStep.NAME, PREFIX + key);
    }
}
