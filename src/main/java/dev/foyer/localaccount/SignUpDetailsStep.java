package dev.foyer.localaccount;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.AccountExistsException;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.PasswordPolicy;
import dev.foyer.directory.User;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.session.AuthenticationFactor;
import dev.foyer.userflow.SignUpAttribute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The sign-up page after the email is proven: new password (under the flow's complexity policy)
 * and the attributes the flow collects. Creates the account, so it exists before any MFA step.
 */
@Component
class SignUpDetailsStep implements Step {

    static final String NAME = "signUpDetails";

    private final Accounts accounts;
    private final AccountEvents events;

    SignUpDetailsStep(Accounts accounts, AccountEvents events) {
        this.accounts = accounts;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        if (AccountPath.of(context) != AccountPath.SIGN_UP || context.subject().isPresent()) {
            return StepOutcome.completed();
        }
        return StepOutcome.show(view(context, Map.of()));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        Optional<String> email = context.getOf(EmailVerificationStep.NAME, EmailVerificationStep.EMAIL)
                .filter(e -> context.getOf(EmailVerificationStep.NAME, EmailVerificationStep.VERIFIED).isPresent());
        if (email.isEmpty()) {
            throw new IllegalStateException("Sign-up details reached without a verified email");
        }
        List<SignUpAttribute> attributes = SignUpAttribute.of(context.flow().definition().signUpAttributes());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (SignUpAttribute attribute : attributes) {
            String value = input.get(attribute.name());
            values.put(attribute.name(), value.length() > SignUpAttribute.MAX_LENGTH ? "" : value);
            attribute.validate(value).ifPresent(error -> errors.put(attribute.name(), error));
        }
        String password = input.raw("newPassword");
        PasswordPolicy policy = PasswordPolicy.of(context.flow().properties().passwordComplexity());
        List<String> violations = policy.violations(password);
        if (!violations.isEmpty()) {
            errors.put("newPassword", String.join(" ", violations));
        } else if (!password.equals(input.raw("reenterPassword"))) {
            errors.put("reenterPassword", "The password entry fields do not match. Please enter the same password"
                    + " in both fields and try again.");
        }
        if (!errors.isEmpty()) {
            return StepOutcome.show(view(context, values).withFieldErrors(errors));
        }
        try {
            User user = accounts.signUp(newUser(EmailAddress.parse(email.get()), password, values));
            context.identify(user.objectId(), true);
            context.prove(AuthenticationFactor.PASSWORD);
            events.record(context, AuditEvent.SIGN_UP_SUCCEEDED, email.get());
            return StepOutcome.completed();
        } catch (AccountExistsException e) {
            return StepOutcome.show(view(context, values).withPageError(
                    "An account with this email address already exists. Cancel and sign in instead."));
        }
    }

    private static NewUser newUser(EmailAddress email, String password, Map<String, String> values) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name.startsWith(SignUpAttribute.EXTENSION_PREFIX) && !value.isEmpty()) {
                extensions.put(name, value);
            }
        });
        return new NewUser(email, password, blankToNull(values.get("displayName")),
                blankToNull(values.get("givenName")), blankToNull(values.get("surname")), extensions);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static View view(StepContext context, Map<String, String> values) {
        String email = context.getOf(EmailVerificationStep.NAME, EmailVerificationStep.EMAIL).orElse("");
        return View.of("signup-details")
                .with("email", email)
                .with("attributes", SignUpAttribute.of(context.flow().definition().signUpAttributes()))
                .with("values", Map.copyOf(values))
                .with("passwordRules", PasswordPolicy.of(context.flow().properties().passwordComplexity()).description());
    }
}
