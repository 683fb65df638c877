package dev.foyer.federation;

import dev.foyer.directory.Identity;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The identity providers a signed-in user may link in a flow: those the flow lists (besides
 * {@code LocalAccount}) that exist in the tenant and are enabled. The profile page asks this whether
 * to offer "Linked accounts"; choosing it ({@link #CHOICE}) hands over to {@link LinkIdentityStep}.
 */
@Component
public class LinkableProviders {

    /** The journey choice that runs the linked-accounts page after the profile page. */
    public static final String CHOICE = "linkIdentity";

    private static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

    private final IdentityProviderRepository providers;

    public LinkableProviders(IdentityProviderRepository providers) {
        this.providers = providers;
    }

    /** In the flow's order; empty when the flow lists no usable provider. */
    public List<IdentityProvider> of(UserFlow flow) {
        return flow.definition().identityProviders().stream()
                .filter(name -> !UserFlowDefinition.LOCAL_ACCOUNT.equalsIgnoreCase(name))
                .map(providers::findByName)
                .flatMap(Optional::stream)
                .filter(IdentityProvider::enabled)
                .distinct()
                .toList();
    }

    public boolean offered(UserFlow flow) {
        return !of(flow).isEmpty();
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
