package dev.foyer.federation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An external identity provider of the current tenant (B2C's "Identity providers" blade). The
 * {@code name} is what user flows list and what the sign-in page's button is called
 * ({@code button#Google}); the client secret is held only sealed and opened by the connector when
 * it exchanges a code.
 *
 * @param settings as stored (absent values null); {@link #effectiveSettings()} fills in the preset
 */
public record IdentityProvider(UUID id, String name, ProviderKind kind, String displayName, String clientId,
                               String sealedClientSecret, ProviderSettings settings, boolean enabled,
                               Instant createdAt) {

    /** Names double as HTML ids and flow entries: letters, digits, '-' and '_', starting with a letter. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    public IdentityProvider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The settings with the preset's values where none were given. */
    public ProviderSettings effectiveSettings() {
        return settings.withDefaults(kind.defaults());
    }

    /** What {@code SecretBox} binds this provider's sealed client secret to. */
    public static String secretBinding(UUID id) {
        return "identity_provider:" + id;
    }

    /** Keeps the sealed secret out of logs. */
    @Override
    public String toString() {
        return "IdentityProvider[id=" + id + ", name=" + name + ", kind=" + kind + ", clientId=" + clientId
                + ", enabled=" + enabled + "]";
    }
}
