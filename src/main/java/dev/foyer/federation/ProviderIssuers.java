package dev.foyer.federation;

import dev.foyer.directory.Identity;
import java.net.URI;
import java.util.Optional;

/**
 * Which provider issued a federated identity, told without asking the provider; the linked-accounts
 * page uses it to name a user's identities and to leave linked providers off its buttons.
 */
final class ProviderIssuers {

    private static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

    private ProviderIssuers() {
    }

    /**
     * The issuer {@code provider}'s identities carry, when it can be told without asking the
     * provider: a preset's domain ({@code google.com}), a configured issuer, an OpenID Connect
     * discovery URL without its well-known suffix (discovery requires the two to match), or the host
     * of an OAuth 2.0 authorization URL.
     */
    static Optional<String> issuerOf(IdentityProvider provider) {
        if (provider.kind().isPreset()) {
            return Optional.ofNullable(provider.kind().defaults().domainHint());
        }
        ProviderSettings settings = provider.effectiveSettings();
        if (settings.issuer() != null && !settings.issuer().isBlank()) {
            return Optional.of(settings.issuer());
        }
        if (provider.kind().protocol() == ProviderKind.Protocol.OPENID_CONNECT) {
            String metadata = settings.metadataUrl();
            return metadata != null && metadata.endsWith(DISCOVERY_SUFFIX)
                    ? Optional.of(metadata.substring(0, metadata.length() - DISCOVERY_SUFFIX.length()))
                    : Optional.empty();
        }
        try {
            return Optional.ofNullable(settings.authorizationUrl()).map(URI::create).map(URI::getHost);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code identity} was issued by {@code provider}, as far as that can be told. */
    static boolean issued(IdentityProvider provider, Identity identity) {
        return identity.isFederated() && issuerOf(provider).map(identity.issuer()::equals).orElse(false);
    }
}
