package dev.foyer.localaccount;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.User;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.messaging.ChannelType;
import dev.foyer.messaging.Message;
import dev.foyer.messaging.Outbox;
import dev.foyer.security.CodePolicies;
import dev.foyer.security.CodePolicy;
import dev.foyer.security.OneTimeCode;
import dev.foyer.session.AuthenticationFactor;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Proves that a person owns the email address: a one-time code sent through the outbox. Runs on
 * the sign-up path and on the forgot-password path.
 * <p>
 * Neither path tells who has an account. On sign-up, that an address is taken is said only after
 * its code is proven. On a password reset, an address without an enabled account gets the same
 * page as one with: a code is made and stored as usual but sent to no one, so no code typed
 * matches it and every try fails with the usual messages.
 */
@Component
class EmailVerificationStep implements Step {

    static final String NAME = "emailVerification";
    static final String VERIFIED = "verified";
    static final String EMAIL = "email";
    private static final String CODE = "code";
    private static final String CODES_SENT = "codesSent";

    private final Accounts accounts;
    private final Outbox outbox;
    private final CodePolicies codes;
    private final AccountEvents events;

    EmailVerificationStep(Accounts accounts, Outbox outbox, CodePolicies codes, AccountEvents events) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.codes = codes;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        if (AccountPath.of(context) == AccountPath.SIGN_IN || context.get(VERIFIED).isPresent()) {
            return StepOutcome.completed();
        }
        return StepOutcome.show(view(context));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        return switch (input.action() == null ? "" : input.action()) {
            case "sendCode" -> sendCode(context, input.get(EMAIL));
            case "resendCode" -> sendCode(context, context.get(EMAIL).orElse(""));
            case "verifyCode" -> verifyCode(context, input.get(CODE));
            case "changeEmail" -> {
                context.put(CODE, null);
                context.put(EMAIL, null);
                yield StepOutcome.show(view(context));
            }
            default -> StepOutcome.show(view(context).withPageError("Please choose Send verification code."));
        };
    }

    private StepOutcome sendCode(StepContext context, String rawEmail) {
        if (rawEmail.isEmpty()) {
            return StepOutcome.show(view(context).withFieldErrors(Map.of(EMAIL, "Please enter your email address.")));
        }
        if (rawEmail.length() > LocalSignInStep.MAX_FIELD || !EmailAddress.isValid(rawEmail)) {
            return StepOutcome.show(view(context).with(EMAIL, rawEmail.length() > LocalSignInStep.MAX_FIELD ? "" : rawEmail)
                    .withFieldErrors(Map.of(EMAIL, "Please enter a valid email address.")));
        }
        int sent = context.get(CODES_SENT).map(Integer::parseInt).orElse(0);
        CodePolicy policy = codes.current();
        if (sent >= policy.perJourney()) {
            return StepOutcome.show(view(context).withPageError(
                    "You have asked for too many codes. Return to the application and start again later."));
        }
        EmailAddress email = EmailAddress.parse(rawEmail);
        OneTimeCode.Issued issued = policy.issue(context.now());
        context.put(EMAIL, email.value());
        context.put(CODE, issued.code().serialize());
        context.put(CODES_SENT, Integer.toString(sent + 1));
        if (AccountPath.of(context) == AccountPath.FORGOT_PASSWORD) {
            events.record(context, AuditEvent.PASSWORD_RESET_REQUESTED, email.value());
            if (accounts.findEnabled(email).isEmpty()) {
                return StepOutcome.show(view(context));
            }
        }
        String organisation = context.tenant().displayName();
        outbox.enqueue(new Message(ChannelType.EMAIL, email.value(), organisation + " account email verification code",
                "Thanks for verifying your " + email.value() + " account.\n\nYour code is: " + issued.plaintext()
                        + "\n\nIt expires in " + policy.lifetime().toMinutes() + " minutes. If you did not ask for it,"
                        + " ignore this message.\n\n" + organisation,
                "email-verification", issued.plaintext()));
        events.record(context, AuditEvent.EMAIL_CODE_SENT, email.value());
        return StepOutcome.show(view(context));
    }

    private StepOutcome verifyCode(StepContext context, String presented) {
        if (context.get(CODE).isEmpty()) {
            return StepOutcome.show(view(context).withPageError("Please send a verification code first."));
        }
        OneTimeCode code = OneTimeCode.parse(context.get(CODE).get());
        if (presented.isEmpty()) {
            return StepOutcome.show(view(context).withFieldErrors(Map.of(CODE, "Please enter the verification code.")));
        }
        OneTimeCode.Attempt attempt = code.attempt(presented, context.now());
        String email = context.get(EMAIL).orElseThrow();
        if (!attempt.correct()) {
            context.put(CODE, attempt.after().serialize());
            events.record(context, AuditEvent.EMAIL_CODE_FAILED, email,
                    Map.of("reason", attempt.check().name().toLowerCase(Locale.ROOT)));
            return StepOutcome.show(view(context).withFieldErrors(Map.of(CODE, attempt.message())));
        }
        context.put(CODE, null);
        events.record(context, AuditEvent.EMAIL_CODE_VERIFIED, email);
        if (AccountPath.of(context) == AccountPath.FORGOT_PASSWORD) {
            return identifyForReset(context, EmailAddress.parse(email));
        }
        if (accounts.exists(EmailAddress.parse(email))) {
            context.put(EMAIL, null);
            return StepOutcome.show(view(context).with(EMAIL, email).withFieldErrors(Map.of(EMAIL,
                    "An account with this email address already exists. Cancel and sign in instead,"
                            + " or use another email address.")));
        }
        context.put(VERIFIED, "true");
        return StepOutcome.completed();
    }

    /**
     * The code proved the mailbox of an account: the journey is now about that user, with the email
     * as its first factor, and trusts no earlier sign-in of this browser (the steps after it, such
     * as MFA, must be passed on this run).
     */
    private StepOutcome identifyForReset(StepContext context, EmailAddress email) {
        Optional<User> user = accounts.findEnabled(email);
        if (user.isEmpty()) {
            // Removed or disabled since the code was sent: nothing to reset.
            context.put(EMAIL, null);
            return StepOutcome.show(view(context).withPageError(
                    "This email address cannot be used to reset a password. Cancel and contact support."));
        }
        context.identify(user.get().objectId(), false);
        context.prove(AuthenticationFactor.EMAIL);
        context.distrustSession();
        context.put(VERIFIED, "true");
        return StepOutcome.completed();
    }

    private View view(StepContext context) {
        boolean codeSent = context.get(CODE).isPresent();
        return View.of("email-verification")
                .with("codeSent", codeSent)
                .with("passwordReset", AccountPath.of(context) == AccountPath.FORGOT_PASSWORD)
                .with(EMAIL, context.get(EMAIL).orElse(""));
    }
}
