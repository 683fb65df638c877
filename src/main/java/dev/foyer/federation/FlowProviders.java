package dev.foyer.federation;

import dev.foyer.journey.ExternalSignIns;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The identity providers a user flow offers: those it lists (B2C's "Identity providers" blade) that
 * exist in the tenant and are enabled, in the flow's order. Contributes their buttons to the
 * sign-in page and resolves a {@code domain_hint} to one of them.
 */
@Component
class FlowProviders implements ExternalSignIns {

    private final IdentityProviderRepository providers;

    FlowProviders(IdentityProviderRepository providers) {
        this.providers = providers;
    }

    List<IdentityProvider> of(UserFlow flow) {
        return flow.definition().identityProviders().stream()
                .filter(name -> !UserFlowDefinition.LOCAL_ACCOUNT.equalsIgnoreCase(name))
                .map(providers::findByName)
                .flatMap(Optional::stream)
                .filter(IdentityProvider::enabled)
                .distinct()
                .toList();
    }

    /** {@code flow}'s provider called {@code name} (exactly as its button names it). */
    Optional<IdentityProvider> named(UserFlow flow, String name) {
        return of(flow).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    @Override
    public List<Button> buttons(UserFlow flow) {
        return of(flow).stream().map(p -> new Button(p.name(), "Sign in with " + p.displayName())).toList();
    }

    @Override
    public Optional<String> hinted(UserFlow flow, String domainHint) {
        return of(flow).stream()
                .filter(p -> domainHint.equalsIgnoreCase(p.effectiveSettings().domainHint()))
                .map(IdentityProvider::name)
                .findFirst();
    }
}
