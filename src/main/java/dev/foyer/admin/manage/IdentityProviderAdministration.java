package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.IdentityProviderRepository;
import dev.foyer.federation.ProviderKind;
import dev.foyer.federation.ProviderSettings;
import dev.foyer.secrets.SecretBox;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowRepository;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity providers of the current tenant, administered: add, read, replace, delete. The
 * client secret goes in sealed ({@link SecretBox}, bound to the provider's id) and never comes out;
 * a provider that a user flow lists cannot be deleted, so no flow silently loses a button.
 */
@Service
public class IdentityProviderAdministration {

    private final IdentityProviderRepository providers;
    private final UserFlowRepository flows;
    private final SecretBox secrets;
    private final AdminChanges changes;
    private final Clock clock;

    IdentityProviderAdministration(IdentityProviderRepository providers, UserFlowRepository flows, SecretBox secrets,
                                   AdminChanges changes, Clock clock) {
        this.providers = providers;
        this.flows = flows;
        this.secrets = secrets;
        this.changes = changes;
        this.clock = clock;
    }

    /**
     * What an administrator submits. On create absent settings follow the kind's preset; on
     * {@link #replace} every field is replaced, except {@code clientSecret}: absent keeps the secret.
     */
    public record ProviderInput(String name, String kind, String displayName, String clientId, String clientSecret,
                                Boolean enabled, String metadataUrl, String authorizationUrl, String tokenUrl,
                                String userInfoUrl, String issuer, List<String> scopes,
                                Map<String, String> claimMapping, String domainHint, String responseMode) {

        /** The input of an existing provider, without its secret (for changing a few fields). */
        public static ProviderInput of(IdentityProvider p) {
            ProviderSettings s = p.settings();
            return new ProviderInput(p.name(), p.kind().name(), p.displayName(), p.clientId(), null, p.enabled(),
                    s.metadataUrl(), s.authorizationUrl(), s.tokenUrl(), s.userInfoUrl(), s.issuer(), s.scopes(),
                    s.claimMapping(), s.domainHint(), s.responseMode());
        }
    }

    /** A provider as the audit log and the API show it: never the secret, sealed or not. */
    public record ProviderView(UUID id, String name, String kind, String displayName, String clientId,
                               boolean clientSecretSet, boolean enabled, String metadataUrl, String authorizationUrl,
                               String tokenUrl, String userInfoUrl, String issuer, List<String> scopes,
                               Map<String, String> claimMapping, String domainHint, String responseMode,
                               java.time.Instant createdAt) {
        public static ProviderView of(IdentityProvider p) {
            ProviderSettings s = p.settings();
            return new ProviderView(p.id(), p.name(), p.kind().name(), p.displayName(), p.clientId(),
                    p.sealedClientSecret() != null, p.enabled(), s.metadataUrl(), s.authorizationUrl(), s.tokenUrl(),
                    s.userInfoUrl(), s.issuer(), s.scopes(), s.claimMapping(), s.domainHint(), s.responseMode(),
                    p.createdAt());
        }
    }

    /** Where the current tenant's providers send the browser back: register it at the provider. */
    public static String redirectUri(String origin) {
        return origin + "/" + dev.foyer.tenant.TenantContext.current().name() + "/oauth2/authresp";
    }

    /** What administrators call a kind: "Google", "OpenID Connect"... */
    public static String label(ProviderKind kind) {
        return IdentityProviderRules.label(kind);
    }

    public List<IdentityProvider> list(AdminCaller caller) {
        return providers.findAll().stream().sorted(Comparator.comparing(p -> p.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** By id or by name (ignoring case). */
    public IdentityProvider get(String idOrName, AdminCaller caller) {
        return find(idOrName).orElseThrow(() -> new NoSuchElementException(
                "No identity provider " + idOrName + " in this tenant"));
    }

    @Transactional
    public IdentityProvider create(ProviderInput input, AdminCaller caller) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = IdentityProviderRules.name(input.name(), errors);
        ProviderKind kind = IdentityProviderRules.kind(input.kind(), errors);
        String secret = IdentityProviderRules.secret(input.clientSecret(), true, errors);
        IdentityProviderRules.Checked checked = IdentityProviderRules.check(input, name, kind, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (providers.findByName(name).isPresent()) {
            throw new ConflictException("An identity provider named " + name + " already exists.");
        }
        UUID id = UUID.randomUUID();
        IdentityProvider provider = new IdentityProvider(id, name, kind, checked.displayName(), checked.clientId(),
                secrets.seal(secret, IdentityProvider.secretBinding(id)), checked.settings(),
                input.enabled() == null || input.enabled(), clock.instant());
        IdentityProvider created;
        try {
            created = providers.insert(provider);
        } catch (IllegalArgumentException e) {
            throw new ConflictException("An identity provider named " + name + " already exists.");
        }
        changes.record(caller, "identityProvider", "create", created.name(), null, ProviderView.of(created));
        return created;
    }

    /**
     * Replaces the provider's settings. The name and the kind cannot change (flows and users'
     * identities refer to them); a missing client secret keeps the stored one.
     */
    @Transactional
    public IdentityProvider replace(String idOrName, ProviderInput input, AdminCaller caller) {
        IdentityProvider current = get(idOrName, caller);
        Map<String, String> errors = new LinkedHashMap<>();
        if (input.name() != null && !input.name().strip().equals(current.name())) {
            errors.put("name", "The name of an identity provider cannot change; add a new one.");
        }
        if (input.kind() != null && IdentityProviderRules.kind(input.kind(), errors) != current.kind()) {
            errors.putIfAbsent("kind", "The kind of an identity provider cannot change; add a new one.");
        }
        String secret = IdentityProviderRules.secret(input.clientSecret(), false, errors);
        IdentityProviderRules.Checked checked = IdentityProviderRules.check(input, current.name(), current.kind(),
                errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        IdentityProvider updated = providers.update(new IdentityProvider(current.id(), current.name(), current.kind(),
                checked.displayName(), checked.clientId(),
                secret == null ? current.sealedClientSecret() : secrets.seal(secret,
                        IdentityProvider.secretBinding(current.id())),
                checked.settings(), input.enabled() == null ? current.enabled() : input.enabled(),
                current.createdAt()));
        changes.record(caller, "identityProvider", "update", current.name(), ProviderView.of(current),
                ProviderView.of(updated));
        if (secret != null) {
            changes.record(caller, "identityProviderSecret", "replace", current.name(), null, null);
        }
        return updated;
    }

    /** @throws ConflictException when a user flow lists the provider (remove it from those flows first) */
    @Transactional
    public void delete(String idOrName, AdminCaller caller) {
        IdentityProvider provider = get(idOrName, caller);
        List<String> users = flowsListing(provider.name());
        if (!users.isEmpty()) {
            throw new ConflictException("The identity provider " + provider.name() + " is used by the user flows "
                    + String.join(", ", users) + "; remove it from them first.");
        }
        providers.delete(provider.id());
        changes.record(caller, "identityProvider", "delete", provider.name(), ProviderView.of(provider), null);
    }

    /** The names of the flows that list provider {@code name}. */
    public List<String> flowsListing(String name) {
        return flows.findAll().stream()
                .filter(f -> f.definition().identityProviders().stream().anyMatch(p -> p.equalsIgnoreCase(name)))
                .map(UserFlow::name).sorted().toList();
    }

    /**
     * {@code names} with each provider's canonical name ({@code LocalAccount} or a provider of the
     * tenant, ignoring case), without repeats.
     *
     * @throws InvalidInputException naming the unknown ones, or when none is given
     */
    public List<String> canonicalNames(List<String> names) {
        List<String> canonical = new java.util.ArrayList<>();
        List<String> unknown = new java.util.ArrayList<>();
        for (String name : names) {
            Optional<String> known = name == null ? Optional.empty()
                    : name.strip().equalsIgnoreCase(UserFlowDefinition.LOCAL_ACCOUNT)
                    ? Optional.of(UserFlowDefinition.LOCAL_ACCOUNT)
                    : providers.findByName(name.strip()).map(IdentityProvider::name);
            known.filter(n -> !canonical.contains(n)).ifPresent(canonical::add);
            if (known.isEmpty()) {
                unknown.add(String.valueOf(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw InvalidInputException.of("identityProviders", "Unknown identity providers: "
                    + String.join(", ", unknown) + " (LocalAccount or the name of one of the tenant's providers).");
        }
        if (canonical.isEmpty()) {
            throw InvalidInputException.of("identityProviders", "Choose at least one identity provider.");
        }
        return canonical;
    }

    private Optional<IdentityProvider> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(idOrName);
            if (id.toString().equalsIgnoreCase(idOrName)) {
                return providers.findById(id);
            }
        } catch (IllegalArgumentException e) {
            // not an id: a name
        }
        return providers.findByName(idOrName);
    }
}
