package dev.foyer.directory;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user in the current tenant. {@code objectId} is the {@code sub} and {@code oid} claim;
 * {@code extensions} holds custom attributes by name (for example {@code extension_LoyaltyId}).
 */
public record User(UUID objectId, String displayName, String givenName, String surname,
                   Map<String, Object> extensions, boolean enabled, Instant createdAt,
                   List<Identity> identities) {

    public User {
        Objects.requireNonNull(objectId, "objectId");
        Objects.requireNonNull(createdAt, "createdAt");
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
        identities = identities == null ? List.of() : List.copyOf(identities);
    }

    /** The address of the first local email identity, if the user has one. */
    public Optional<String> email() {
        return identities.stream()
                .filter(Identity::isEmailAddress)
                .map(Identity::issuerAssignedId)
                .findFirst();
    }
}
