package dev.foyer.localaccount;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.PasswordPolicy;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.messaging.ChannelType;
import dev.foyer.messaging.Message;
import dev.foyer.messaging.Outbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The last page of a password reset: the new password, twice, under the flow's complexity policy.
 * It runs after the email code and after the flow's second factor, so a reset proves everything a
 * sign-in would. Saving it replaces the hash, ends every SSO session and revokes every refresh token
 * of the user (through {@link dev.foyer.directory.PasswordChanged}), and emails the user that their
 * password changed — all in the submit's transaction.
 */
@Component
class PasswordResetStep implements Step {

    static final String NAME = "passwordReset";

    private final Accounts accounts;
    private final Outbox outbox;
    private final AccountEvents events;
    private final SignInLockout lockout;

    PasswordResetStep(Accounts accounts, Outbox outbox, AccountEvents events, SignInLockout lockout) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.events = events;
        this.lockout = lockout;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        if (AccountPath.of(context) != AccountPath.FORGOT_PASSWORD) {
            return StepOutcome.completed();
        }
        return StepOutcome.show(view(context));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        UUID user = context.subject().orElseThrow(() -> new IllegalStateException("Password reset before the email"));
        String email = verifiedEmail(context);
        String password = input.raw("newPassword");
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> violations = policy(context).violations(password);
        if (!violations.isEmpty()) {
            errors.put("newPassword", String.join(" ", violations));
        } else if (!password.equals(input.raw("reenterPassword"))) {
            errors.put("reenterPassword", "The password entry fields do not match. Please enter the same password"
                    + " in both fields and try again.");
        }
        if (!errors.isEmpty()) {
            return StepOutcome.show(view(context).withFieldErrors(errors));
        }
        accounts.changePassword(user, password);
        // Whoever proved the mailbox and chose a new password may sign in with it at once.
        lockout.reset(EmailAddress.parse(email));
        outbox.enqueue(passwordChangedMessage(context, email));
        events.record(context, AuditEvent.PASSWORD_RESET, email);
        return StepOutcome.completed();
    }

    /** Tells the owner of the mailbox, so a reset they did not make does not go unnoticed. No secret in it. */
    private static Message passwordChangedMessage(StepContext context, String email) {
        String organisation = context.tenant().displayName();
        return new Message(ChannelType.EMAIL, email, "Your " + organisation + " password was changed",
                "The password of your " + organisation + " account " + email + " was changed on "
                        + context.now() + " (UTC), and you were signed out everywhere else.\n\n"
                        + "If you did this, there is nothing more to do. If you did not, reset your password"
                        + " again at once and contact " + organisation + ".\n\n" + organisation,
                "password-changed");
    }

    private static String verifiedEmail(StepContext context) {
        return context.getOf(EmailVerificationStep.NAME, EmailVerificationStep.EMAIL)
                .filter(e -> context.getOf(EmailVerificationStep.NAME, EmailVerificationStep.VERIFIED).isPresent())
                .orElseThrow(() -> new IllegalStateException("Password reset reached without a verified email"));
    }

    private static PasswordPolicy policy(StepContext context) {
        return PasswordPolicy.of(context.flow().properties().passwordComplexity());
    }

    private static View view(StepContext context) {
        return View.of("password-reset")
                .with("email", verifiedEmail(context))
                .with("passwordRules", policy(context).description());
    }
}
