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

    /**
     * The custom-attribute key of the email address an upstream identity provider gave for a social
     * user (B2C's {@code otherMails}): an attribute, never a way to sign in.
     */
    public static final String OTHER_MAILS = "otherMails";

    /** The address of the first local email identity, if the user has one. */
    public Optional<String> email() {
        return identities.stream()
                .filter(Identity::isEmailAddress)
                .map(Identity::issuerAssignedId)
                .findFirst();
    }

    /**
     * Where to reach the user: the local sign-in email, else the first address a social identity
     * provider gave ({@link #OTHER_MAILS}); what the {@code email} and {@code emails} claims carry.
     */
    public Optional<String> contactEmail() {
        return email().or(() -> {
            Object other = extensions.get(OTHER_MAILS);
            if (other instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String first) {
                return Optional.of(first);
            }
            return other instanceof String single ? Optional.of(single) : Optional.empty();
        });
    }
}
