package dev.foyer.federation;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.AccountExistsException;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.Step;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.session.AuthenticationFactor;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A first social sign-in whose provider vouches for an email that a local account signs in with:
 * offers to link the provider to that account once its password is proven — never silently, and
 * never by creating a second account with the same email. The password is checked exactly as on
 * the sign-in page, under {@link SignInLockout}. "Not now" is the page's cancel: the journey ends
 * with {@code access_denied} (AADB2C90091) and nothing is linked or created.
 */
@Component
class FederatedLinkStep implements Step {

    static final String NAME = "federatedLink";
    static final String WRONG_PASSWORD = "The password is incorrect.";
    private static final int MAX_PASSWORD = 256;

    private final Accounts accounts;
    private final UserRepository users;
    private final SignInLockout lockout;
    private final IdentityProviderRepository providers;
    private final FederationEvents events;

    FederatedLinkStep(Accounts accounts, UserRepository users, SignInLockout lockout,
                      IdentityProviderRepository providers, FederationEvents events) {
        this.accounts = accounts;
        this.users = users;
        this.lockout = lockout;
        this.providers = providers;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        if (context.subject().isPresent()) {
            return StepOutcome.completed();
        }
        Optional<Match> match = match(context);
        return match.isEmpty() ? StepOutcome.completed() : StepOutcome.show(view(match.get()));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        Optional<Match> match = match(context);
        if (context.subject().isPresent() || match.isEmpty()) {
            return StepOutcome.completed();
        }
        Match m = match.get();
        String password = input.raw("password");
        if (password.isEmpty() || password.length() > MAX_PASSWORD) {
            return StepOutcome.show(view(m).withFieldErrors(Map.of("password", password.isEmpty()
                    ? "Please enter your password." : "A password has at most " + MAX_PASSWORD + " characters.")));
        }
        // Refused before the password is checked: no hashing cost, as on the sign-in page.
        Optional<String> refusal = lockout.refusal(m.email(), context.clientIp());
        if (refusal.isPresent()) {
            return StepOutcome.show(view(m).withPageError(refusal.get()));
        }
        Optional<User> user = accounts.verifyPassword(m.email(), password);
        if (user.isEmpty() || !user.get().objectId().equals(m.user().objectId())) {
            events.record(context, AuditEvent.SIGN_IN_FAILED, m.provider(),
                    Map.of("reason", "wrongCredentials", "link", true));
            boolean locked = lockout.wrongPassword(m.email(), password, context.clientIp());
            return StepOutcome.show(view(m).withPageError(locked ? SignInLockout.LOCKED : WRONG_PASSWORD));
        }
        lockout.succeeded(m.email());
        try {
            users.addIdentity(m.user().objectId(), Identity.federated(m.pending().issuer(), m.pending().subject()));
        } catch (AccountExistsException e) {
            return StepOutcome.show(view(m).withPageError("This " + m.provider().displayName()
                    + " account is already linked to another account. Cancel and sign in with it instead."));
        }
        context.identify(m.user().objectId(), false);
        context.prove(AuthenticationFactor.PASSWORD);
        context.proveFederated(m.pending().issuer());
        events.record(context, FederationEvents.IDENTITY_LINKED, m.provider(), Map.of());
        events.record(context, AuditEvent.SIGN_IN_SUCCEEDED, m.provider(), Map.of());
        return StepOutcome.completed();
    }

    /** The pending identity's verified email, when an enabled local account signs in with it. */
    private Optional<Match> match(StepContext context) {
        Optional<PendingIdentity> pending = PendingIdentity.of(context);
        Optional<String> email = pending.flatMap(PendingIdentity::verifiedEmail).filter(EmailAddress::isValid);
        if (email.isEmpty()) {
            return Optional.empty();
        }
        EmailAddress address = EmailAddress.parse(email.get());
        Optional<IdentityProvider> provider = providers.findByName(pending.get().providerName());
        Optional<User> user = accounts.findEnabled(address);
        if (provider.isEmpty() || user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Match(pending.get(), provider.get(), address, user.get()));
    }

    private static View view(Match match) {
        return View.of("federated-link").with("email", match.email().value())
                .with("provider", match.provider().displayName());
    }

    private record Match(PendingIdentity pending, IdentityProvider provider, EmailAddress email, User user) {
    }
}
