package dev.foyer.localaccount;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.User;
import dev.foyer.journey.ExternalSignIns;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.JourneyError;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.session.AuthenticationFactor;
import dev.foyer.session.SsoSession;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Sign in with email and password, or choose "Sign up now" or "Forgot your password?". Satisfied
 * without a page when the SSO session already proved a first factor (the password, or a password
 * reset) recently enough (no {@code prompt=login}, within {@code max_age}). A locked sign-in name
 * or a throttled client address is refused before the password is checked ({@link SignInLockout}).
 * Beside the form, a button per identity provider of the flow ({@link ExternalSignIns}); a flow
 * without {@code LocalAccount} shows only the buttons. A button, or a {@code domain_hint} naming
 * one of the flow's providers, becomes the journey's choice and the federation step takes over.
 */
@Component
class LocalSignInStep implements Step {

    static final String NAME = "localSignIn";
    static final String SIGN_UP = AccountPath.SIGN_UP_CHOICE;
    static final String WRONG_CREDENTIALS = "The email address or password is incorrect.";
    static final int MAX_FIELD = 256;
    /** The ids of the sign-in page's own elements, which no provider's button may take. */
    static final Set<String> PAGE_IDS = ExternalSignIns.PAGE_IDS;
    static final String NO_LOCAL_ACCOUNTS = "Signing in with an email address and password is not available here."
            + " Choose one of the other ways to sign in.";

    private final Accounts accounts;
    private final AccountEvents events;
    private final SignInLockout lockout;
    private final List<ExternalSignIns> externalSignIns;

    LocalSignInStep(Accounts accounts, AccountEvents events, SignInLockout lockout,
                    List<ExternalSignIns> externalSignIns) {
        this.accounts = accounts;
        this.events = events;
        this.lockout = lockout;
        this.externalSignIns = externalSignIns;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        if (context.choice().isPresent()) {
            return StepOutcome.completed();
        }
        Optional<SsoSession> session = context.session();
        if (session.isPresent() && !context.request().forcesLogin()
                && session.get().hasFirstFactor(context.request().maxAge(), context.now())
                && accounts.find(session.get().objectId()).filter(User::enabled).isPresent()) {
            context.identify(session.get().objectId(), false);
            return StepOutcome.completed();
        }
        Optional<String> hinted = hintedProvider(context);
        if (hinted.isPresent()) {
            context.choose(ExternalSignIns.choiceOf(hinted.get()));
            return StepOutcome.completed();
        }
        String hint = context.request().loginHint();
        return StepOutcome.show(view(context, hint == null || hint.length() > MAX_FIELD ? "" : hint));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        if (input.isAction(SIGN_UP) && allowsSignUp(context)) {
            context.choose(SIGN_UP);
            return StepOutcome.completed();
        }
        if (input.isAction(AccountPath.FORGOT_PASSWORD_CHOICE)) {
            return forgotPassword(context);
        }
        Optional<String> provider = ExternalSignIns.providerOf(input.action());
        if (provider.isPresent()) {
            return external(context, provider.get());
        }
        if (!allowsLocalAccounts(context)) {
            return StepOutcome.show(view(context, "").withPageError(NO_LOCAL_ACCOUNTS));
        }
        String signInName = input.get("signInName");
        String password = input.raw("password");
        Map<String, String> errors = new LinkedHashMap<>();
        if (signInName.isEmpty()) {
            errors.put("signInName", "Please enter your email address.");
        } else if (signInName.length() > MAX_FIELD || !EmailAddress.isValid(signInName)) {
            errors.put("signInName", "Please enter a valid email address.");
        }
        if (password.isEmpty()) {
            errors.put("password", "Please enter your password.");
        } else if (password.length() > MAX_FIELD) {
            errors.put("password", "A password has at most " + MAX_FIELD + " characters.");
        }
        String shown = signInName.length() > MAX_FIELD ? "" : signInName;
        if (!errors.isEmpty()) {
            return StepOutcome.show(view(context, shown).withFieldErrors(errors));
        }
        EmailAddress name = EmailAddress.parse(signInName);
        // Refused before the password is checked: no hashing cost, the same answer for every name.
        Optional<String> refusal = lockout.refusal(name, context.clientIp());
        if (refusal.isPresent()) {
            return StepOutcome.show(view(context, shown).withPageError(refusal.get()));
        }
        Optional<User> user = accounts.verifyPassword(name, password);
        if (user.isEmpty()) {
            // The address as typed, so an administrator can investigate attempts on an account.
            events.record(context, AuditEvent.SIGN_IN_FAILED, signInName, Map.of("reason", "wrongCredentials"));
            boolean locked = lockout.wrongPassword(name, password, context.clientIp());
            return StepOutcome.show(view(context, shown).withPageError(locked ? SignInLockout.LOCKED
                    : WRONG_CREDENTIALS));
        }
        lockout.succeeded(name);
        context.identify(user.get().objectId(), false);
        context.prove(AuthenticationFactor.PASSWORD);
        events.record(context, AuditEvent.SIGN_IN_SUCCEEDED, signInName);
        return StepOutcome.completed();
    }

    /**
     * B2C's two behaviours: with the flow's self-service password reset on, the reset runs inside
     * this flow and then signs the user in; off, the application gets AADB2C90118 and starts its
     * password reset flow itself.
     */
    private StepOutcome forgotPassword(StepContext context) {
        if (!allowsLocalAccounts(context)) {
            return StepOutcome.show(view(context, "").withPageError(NO_LOCAL_ACCOUNTS));
        }
        if (!context.flow().properties().selfServicePasswordReset()) {
            return new StepOutcome.Failed(JourneyError.FORGOT_PASSWORD);
        }
        context.choose(AccountPath.FORGOT_PASSWORD_CHOICE);
        return StepOutcome.completed();
    }

    /** Only a button the page showed counts; anything else shows the page again. */
    private StepOutcome external(StepContext context, String provider) {
        boolean offered = buttons(context).stream().anyMatch(b -> b.name().equals(provider));
        if (!offered) {
            return StepOutcome.show(view(context, "").withPageError(
                    "This way to sign in is not available. Choose another one."));
        }
        context.choose(ExternalSignIns.choiceOf(provider));
        return StepOutcome.completed();
    }

    private Optional<String> hintedProvider(StepContext context) {
        String hint = context.request().domainHint();
        if (hint == null || hint.isBlank() || hint.length() > MAX_FIELD) {
            return Optional.empty();
        }
        return externalSignIns.stream().map(e -> e.hinted(context.flow(), hint.strip()))
                .flatMap(Optional::stream).findFirst();
    }

    private List<ExternalSignIns.Button> buttons(StepContext context) {
        return externalSignIns.stream().flatMap(e -> e.buttons(context.flow()).stream())
                .filter(b -> !PAGE_IDS.contains(b.name()) && !b.name().endsWith("-error"))
                .toList();
    }

    private View view(StepContext context, String signInName) {
        return View.of("signin").with("signInName", signInName).with("allowSignUp", allowsSignUp(context))
                .with("localAccount", allowsLocalAccounts(context)).with("providers", buttons(context));
    }

    /** Sign-in-only flows (and the administrators' flow) offer no "Sign up now"; nor do flows without local accounts. */
    private static boolean allowsSignUp(StepContext context) {
        return context.flow().type() == UserFlowType.SIGN_UP_OR_SIGN_IN && allowsLocalAccounts(context);
    }

    private static boolean allowsLocalAccounts(StepContext context) {
        return context.flow().definition().identityProviders().contains(UserFlowDefinition.LOCAL_ACCOUNT);
    }
}
