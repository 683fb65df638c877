package dev.foyer.localaccount;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.journey.ExternalSignIns;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.mfa.phone.PhoneMethods;
import dev.foyer.userflow.SignUpAttribute;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The profile page of a profile editing flow, after sign-in: the attributes the flow collects,
 * prefilled with the user's values (the email is shown, not editable), validated as on sign-up.
 * Continue saves them and records {@code profile.updated} with the names of what changed; an
 * error saves nothing. "Change phone number" saves nothing either: it chooses the phone change,
 * which the next step runs. "Linked accounts", shown when the flow lists identity providers, hands
 * over to the linked-accounts page the same way.
 */
@Component
class ProfileEditStep implements Step {

    static final String NAME = "profileEdit";
    static final String CHANGE_PHONE = "changePhone";
    static final String LINKED_ACCOUNTS = "linkedAccounts";

    private final Accounts accounts;
    private final PhoneMethods phoneMethods;
    private final AccountEvents events;
    private final List<ExternalSignIns> externalSignIns;

    ProfileEditStep(Accounts accounts, PhoneMethods phoneMethods, AccountEvents events,
                    List<ExternalSignIns> externalSignIns) {
        this.accounts = accounts;
        this.phoneMethods = phoneMethods;
        this.events = events;
        this.externalSignIns = externalSignIns;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        User user = user(context);
        return StepOutcome.show(view(context, user, currentValues(context, user)));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        User user = user(context);
        if (input.isAction(CHANGE_PHONE)) {
            if (phoneMethods.verified(user.objectId()).isEmpty()) {
                return StepOutcome.show(view(context, user, currentValues(context, user))
                        .withPageError("There is no phone number on your account to change."));
            }
            context.choose(PhoneMethods.CHANGE_PHONE_CHOICE);
            return StepOutcome.completed();
        }
        if (input.isAction(LINKED_ACCOUNTS)) {
            if (!offersLinking(context)) {
                return StepOutcome.show(view(context, user, currentValues(context, user))
                        .withPageError("Linking other accounts is not available here."));
            }
            context.choose(ExternalSignIns.LINK_CHOICE);
            return StepOutcome.completed();
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (SignUpAttribute attribute : attributes(context)) {
            String value = input.get(attribute.name());
            values.put(attribute.name(), value.length() > SignUpAttribute.MAX_LENGTH ? "" : value);
            attribute.validate(value).ifPresent(error -> errors.put(attribute.name(), error));
        }
        if (!errors.isEmpty()) {
            return StepOutcome.show(view(context, user, values).withFieldErrors(errors));
        }
        List<String> changed = new ArrayList<>();
        Map<String, String> before = currentValues(context, user);
        values.forEach((name, value) -> {
            if (!Objects.equals(before.get(name), value)) {
                changed.add(name);
            }
        });
        if (!changed.isEmpty()) {
            accounts.updateProfile(edited(user, values));
            events.record(context, AuditEvent.PROFILE_UPDATED, user.email().orElse(""),
                    Map.of("changed", List.copyOf(changed)));
        }
        return StepOutcome.completed();
    }

    private User user(StepContext context) {
        UUID objectId = context.subject().orElseThrow(() -> new IllegalStateException("Profile page before sign-in"));
        return accounts.find(objectId).orElseThrow(() -> new IllegalStateException("Signed-in user not found"));
    }

    private static List<SignUpAttribute> attributes(StepContext context) {
        return SignUpAttribute.of(context.flow().definition().signUpAttributes());
    }

    private static Map<String, String> currentValues(StepContext context, User user) {
        Map<String, String> values = new LinkedHashMap<>();
        for (SignUpAttribute attribute : attributes(context)) {
            Object value = switch (attribute.name()) {
                case "displayName" -> user.displayName();
                case "givenName" -> user.givenName();
                case "surname" -> user.surname();
                default -> user.extensions().get(attribute.name());
            };
            values.put(attribute.name(), value == null ? "" : value.toString());
        }
        return values;
    }

    private static User edited(User user, Map<String, String> values) {
        Map<String, Object> extensions = new LinkedHashMap<>(user.extensions());
        values.forEach((name, value) -> {
            if (name.startsWith(SignUpAttribute.EXTENSION_PREFIX)) {
                extensions.put(name, value);
            }
        });
        return new User(user.objectId(), values.getOrDefault("displayName", user.displayName()),
                values.getOrDefault("givenName", user.givenName()), values.getOrDefault("surname", user.surname()),
                extensions, user.enabled(), user.createdAt(), user.identities());
    }

    private View view(StepContext context, User user, Map<String, String> values) {
        return View.of("profile-edit")
                .with("email", user.email().orElse(""))
                .with("attributes", attributes(context))
                .with("values", Map.copyOf(values))
                .with("hasPhone", !phoneMethods.verified(user.objectId()).isEmpty())
                .with("canLink", offersLinking(context));
    }

    /** Whether the flow offers identity providers, which a user may then link on the linked-accounts page. */
    private boolean offersLinking(StepContext context) {
        return externalSignIns.stream().anyMatch(e -> !e.buttons(context.flow()).isEmpty());
    }
}
