package dev.foyer.federation;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.AccountExistsException;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.userflow.SignUpAttribute;
import dev.foyer.userflow.UserFlowType;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A first social sign-in with no account to link: creates the user with the federated identity and
 * the attributes the provider supplied, after asking on a self-asserted page for the flow's sign-up
 * attributes it did not supply (validated as on the local sign-up page). The user has no password
 * and no local email identity: a verified upstream email is kept as an attribute
 * ({@link User#OTHER_MAILS}) for the {@code email} claims, as B2C does for social accounts. A
 * sign-in-only flow creates no one: the journey ends with AADB2C99002.
 */
@Component
class FederatedSignUpStep implements Step {

    static final String NAME = "federatedSignUp";

    private final UserRepository users;
    private final IdentityProviderRepository providers;
    private final FederationEvents events;

    FederatedSignUpStep(UserRepository users, IdentityProviderRepository providers, FederationEvents events) {
        this.users = users;
        this.providers = providers;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        Optional<PendingIdentity> pending = PendingIdentity.of(context);
        if (context.subject().isPresent() || pending.isEmpty()) {
            return StepOutcome.completed();
        }
        if (context.flow().type() != UserFlowType.SIGN_UP_OR_SIGN_IN) {
            return new StepOutcome.Failed(FederatedErrors.NO_ACCOUNT);
        }
        List<SignUpAttribute> missing = missing(context, pending.get());
        if (missing.isEmpty()) {
            return create(context, pending.get(), Map.of());
        }
        return StepOutcome.show(view(pending.get(), missing, Map.of()));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        Optional<PendingIdentity> pending = PendingIdentity.of(context);
        if (context.subject().isPresent() || pending.isEmpty()
                || context.flow().type() != UserFlowType.SIGN_UP_OR_SIGN_IN) {
            return prepare(context);
        }
        List<SignUpAttribute> missing = missing(context, pending.get());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (SignUpAttribute attribute : missing) {
            String value = input.get(attribute.name());
            values.put(attribute.name(), value.length() > SignUpAttribute.MAX_LENGTH ? "" : value);
            attribute.validate(value).ifPresent(error -> errors.put(attribute.name(), error));
        }
        if (!errors.isEmpty()) {
            return StepOutcome.show(view(pending.get(), missing, values).withFieldErrors(errors));
        }
        return create(context, pending.get(), values);
    }

    /** The flow's sign-up attributes the provider did not supply, or supplied in a form sign-up would refuse. */
    private static List<SignUpAttribute> missing(StepContext context, PendingIdentity pending) {
        return SignUpAttribute.of(context.flow().definition().signUpAttributes()).stream()
                .filter(a -> {
                    String supplied = pending.attributes().get(a.name());
                    return supplied == null || a.validate(supplied).isPresent();
                })
                .toList();
    }

    private StepOutcome create(StepContext context, PendingIdentity pending, Map<String, String> asked) {
        Map<String, String> values = new LinkedHashMap<>();
        SignUpAttribute.of(context.flow().definition().signUpAttributes()).forEach(a -> {
            String supplied = pending.attributes().get(a.name());
            if (supplied != null && a.validate(supplied).isEmpty()) {
                values.put(a.name(), supplied);
            }
        });
        values.putAll(asked);
        Map<String, Object> extensions = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(SignUpAttribute.EXTENSION_PREFIX) && !value.isEmpty()) {
                extensions.put(name, value);
            }
        });
        pending.verifiedEmail().ifPresent(email -> extensions.put(User.OTHER_MAILS, List.of(email)));
        // Names the flow does not collect are still kept when the provider gave them.
        User user = new User(UUID.randomUUID(), value(values, pending, "displayName"),
                value(values, pending, "givenName"), value(values, pending, "surname"), extensions, true,
                context.now().truncatedTo(ChronoUnit.MICROS),
                List.of(Identity.federated(pending.issuer(), pending.subject())));
        IdentityProvider provider = providers.findByName(pending.providerName()).orElse(null);
        try {
            users.insert(user, null);
        } catch (AccountExistsException e) {
            // The same upstream account finished a first sign-in in another browser meanwhile.
            return new StepOutcome.Failed(FederatedErrors.unexpectedCallback());
        }
        context.identify(user.objectId(), true);
        context.proveFederated(pending.issuer());
        if (provider != null) {
            events.record(context, AuditEvent.SIGN_UP_SUCCEEDED, provider, Map.of());
        }
        return StepOutcome.completed();
    }

    private static String value(Map<String, String> values, PendingIdentity pending, String name) {
        String value = values.getOrDefault(name, pending.attributes().get(name));
        return value == null || value.isBlank() || value.length() > SignUpAttribute.MAX_LENGTH ? null : value;
    }

    private View view(PendingIdentity pending, List<SignUpAttribute> missing, Map<String, String> values) {
        String provider = providers.findByName(pending.providerName()).map(IdentityProvider::displayName)
                .orElse(pending.providerName());
        return View.of("federated-signup").with("provider", provider)
                .with("email", pending.verifiedEmail().orElse(null))
                .with("attributes", missing).with("values", Map.copyOf(values));
    }
}
