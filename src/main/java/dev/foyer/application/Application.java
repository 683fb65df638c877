package dev.foyer.application;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An app registration. {@code clientId} may be null before {@link ApplicationRepository#register}
 * assigns one. Redirect URIs are compared exactly, as registered.
 */
public record Application(UUID clientId, String displayName, ApplicationType type, List<String> redirectUris,
                          Optional<String> logoutUrl) {

    public Application {
        Objects.requireNonNull(type, "type");
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        logoutUrl = logoutUrl == null ? Optional.empty() : logoutUrl;
    }

    /** Exact string match; no case folding, trailing-slash or default-port normalisation. */
    public boolean hasRedirectUri(String uri) {
        return uri != null && redirectUris.contains(uri);
    }

    Application withClientId(UUID id) {
        return new Application(id, displayName, type, redirectUris, logoutUrl);
    }
}
