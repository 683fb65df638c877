package dev.foyer.federation;

import dev.foyer.audit.AuditActor;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
import dev.foyer.directory.AccountExistsException;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.journey.ExternalSignIns;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.ReturningStep;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.journey.View;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The linked-accounts page of a profile editing flow, when the user chose it on the profile page
 * (the flow has already signed them in, with its MFA). It lists the user's federated identities and
 * offers "Link" for each of the flow's providers not linked yet: the browser goes to the provider
 * and, once it vouches for an identity, that identity is added to the user ({@code identity.linked})
 * — unless it already belongs to another user, which is refused and changes nothing. A linked
 * identity can be removed here ({@code identity.unlinked}) only while the user keeps another way to
 * sign in. "Done" ends the flow, as the phone change does. Messages survive the redirect back to the
 * page in the step's data and are shown once.
 */
@Component
class LinkIdentityStep implements ReturningStep {

    static final String NAME = "linkIdentity";
    public static final String IDENTITY_LINKED = "identity.linked";
    public static final String IDENTITY_UNLINKED = "identity.unlinked";
    /** Somebody proved an upstream identity that belongs to another user: nothing was linked. */
    public static final String IDENTITY_LINK_REFUSED = "identity.linkRefused";
    static final String LINK_PREFIX = "link-";
    static final String UNLINK = "unlink";
    static final String DONE = "done";
    static final String CANCELLED = "Linking was cancelled. Nothing was changed.";
    static final String LAST_WAY_TO_SIGN_IN = "This is the only way you can sign in, so it cannot be removed."
            + " Link another account first.";
    private static final String NOTICE = "notice";
    private static final String ERROR = "error";

    private final FlowProviders flowProviders;
    private final IdentityProviderRepository providers;
    private final UpstreamSignIns signIns;
    private final UserRepository users;
    private final AuditLog audit;

    LinkIdentityStep(FlowProviders flowProviders, IdentityProviderRepository providers, UpstreamSignIns signIns,
                     UserRepository users, AuditLog audit) {
        this.flowProviders = flowProviders;
        this.providers = providers;
        this.signIns = signIns;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        if (!ExternalSignIns.LINK_CHOICE.equals(context.choice().orElse(""))) {
            return StepOutcome.completed();
        }
        View view = view(context, user(context)).with(NOTICE, context.get(NOTICE).orElse(null));
        Optional<String> error = context.get(ERROR);
        context.put(NOTICE, null);
        context.put(ERROR, null);
        return StepOutcome.show(error.map(view::withPageError).orElse(view));
    }

    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        User user = user(context);
        if (input.isAction(DONE)) {
            return StepOutcome.completed();
        }
        if (input.isAction(UNLINK)) {
            return unlink(context, user, input.raw("issuer"), input.raw("subject"));
        }
        String action = input.action() == null ? "" : input.action();
        if (!action.startsWith(LINK_PREFIX)) {
            return StepOutcome.show(view(context, user).withPageError("Choose an account to link, or Done."));
        }
        String name = action.substring(LINK_PREFIX.length());
        Optional<IdentityProvider> provider = flowProviders.of(context.flow()).stream()
                .filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
        if (provider.isEmpty()) {
            return StepOutcome.show(view(context, user).withPageError(
                    "That provider cannot be linked here. Choose one of the accounts listed."));
        }
        if (user.identities().stream().anyMatch(i -> ProviderIssuers.issued(provider.get(), i))) {
            return StepOutcome.show(view(context, user).withPageError(
                    "Your " + provider.get().displayName() + " account is already linked."));
        }
        try {
            return signIns.begin(context, provider.get());
        } catch (UpstreamException e) {
            return StepOutcome.show(view(context, user).withPageError(unavailable(provider.get())));
        }
    }

    @Override
    public StepOutcome callback(StepContext context, FormInput parameters) {
        User user = user(context);
        Optional<UpstreamSignIns.Completion> completion = signIns.complete(context, parameters);
        if (completion.isEmpty()) {
            context.put(ERROR, "This answer from the provider does not belong to a link you started. Nothing was"
                    + " changed.");
        } else if (completion.get() instanceof UpstreamSignIns.Refused refused) {
            if (refused.failure().reason() == UpstreamException.Reason.CANCELLED) {
                context.put(NOTICE, CANCELLED);
            } else {
                context.put(ERROR, unavailable(refused.provider()));
            }
        } else if (completion.get() instanceof UpstreamSignIns.SignedIn signedIn) {
            link(context, user, signedIn.provider(), signedIn.identity());
        }
        // The engine redirects to the page next; its prepare() shows the message.
        return StepOutcome.show(view(context, user));
    }

    private void link(StepContext context, User user, IdentityProvider provider, UpstreamIdentity upstream) {
        Identity identity = Identity.federated(upstream.issuer(), upstream.subject());
        Optional<User> holder = users.findByIdentity(identity);
        if (holder.isPresent() && holder.get().objectId().equals(user.objectId())) {
            context.put(NOTICE, "Your " + provider.displayName() + " account is already linked.");
            return;
        }
        if (holder.isPresent() || !added(user, identity)) {
            record(context, user, IDENTITY_LINK_REFUSED, provider, identity);
            context.put(ERROR, alreadyLinkedElsewhere(provider));
            return;
        }
        record(context, user, IDENTITY_LINKED, provider, identity);
        context.put(NOTICE, "Your " + provider.displayName() + " account is now linked. You can use it to sign in.");
    }

    private StepOutcome unlink(StepContext context, User user, String issuer, String subject) {
        Identity identity = Identity.federated(issuer, subject);
        if (!user.identities().contains(identity)) {
            return StepOutcome.show(view(context, user).withPageError("That account is not linked to yours."));
        }
        List<Identity> remaining = user.identities().stream().filter(i -> !i.equals(identity)).toList();
        boolean keepsPassword = remaining.stream().anyMatch(Identity::isEmailAddress)
                && users.passwordHash(user.objectId()).isPresent();
        if (!keepsPassword && remaining.stream().noneMatch(Identity::isFederated)) {
            return StepOutcome.show(view(context, user).withPageError(LAST_WAY_TO_SIGN_IN));
        }
        String name = displayName(context, identity);
        if (users.removeIdentity(user.objectId(), identity)) {
            Map<String, Object> details = new LinkedHashMap<>();
            providerOf(context, identity).ifPresent(p -> details.put("provider", p.name()));
            recordDetails(context, user, IDENTITY_UNLINKED, identity, details);
        }
        context.put(NOTICE, "Your " + name + " account is no longer linked.");
        // The engine redirects to the page next; its prepare() shows the message.
        return StepOutcome.show(view(context, user));
    }

    /** False when another user took the identity first (the insert ran in its own savepoint). */
    private boolean added(User user, Identity identity) {
        try {
            users.addIdentity(user.objectId(), identity);
            return true;
        } catch (AccountExistsException e) {
            return false;
        }
    }

    private void record(StepContext context, User user, String type, IdentityProvider provider, Identity identity) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider.name());
        recordDetails(context, user, type, identity, details);
    }

    private void recordDetails(StepContext context, User user, String type, Identity identity,
                               Map<String, Object> details) {
        details.put("issuer", identity.issuer());
        if (!context.clientIp().isEmpty()) {
            details.put("ip", context.clientIp());
        }
        String target = identity.issuer().length() > AuditRecord.MAX_TARGET
                ? identity.issuer().substring(0, AuditRecord.MAX_TARGET) : identity.issuer();
        audit.record(new AuditRecord(type, AuditActor.user(user.objectId()), user.objectId(), target, details));
    }

    /** The flow's providers first, then any provider of the tenant, whose identities have this issuer. */
    private Optional<IdentityProvider> providerOf(StepContext context, Identity identity) {
        return flowProviders.of(context.flow()).stream().filter(p -> ProviderIssuers.issued(p, identity)).findFirst()
                .or(() -> providers.findAll().stream().filter(p -> ProviderIssuers.issued(p, identity)).findFirst());
    }

    private String displayName(StepContext context, Identity identity) {
        return providerOf(context, identity).map(IdentityProvider::displayName).orElse(identity.issuer());
    }

    private View view(StepContext context, User user) {
        List<IdentityProvider> offered = flowProviders.of(context.flow());
        List<LinkedAccount> linked = user.identities().stream().filter(Identity::isFederated)
                .map(i -> new LinkedAccount(displayName(context, i), i.issuer(), i.issuerAssignedId())).toList();
        List<IdentityProvider> available = offered.stream()
                .filter(p -> user.identities().stream().noneMatch(i -> ProviderIssuers.issued(p, i))).toList();
        return View.of("link-identity")
                .with("linked", linked)
                .with("available", available.stream().map(p -> new LinkOption(p.name(), p.displayName())).toList());
    }

    static String alreadyLinkedElsewhere(IdentityProvider provider) {
        return "This " + provider.displayName() + " account is already linked to another account. Nothing was"
                + " changed.";
    }

    static String unavailable(IdentityProvider provider) {
        return "Your " + provider.displayName() + " account could not be linked right now. Nothing was changed;"
                + " please try again later.";
    }

    private User user(StepContext context) {
        UUID objectId = context.subject().orElseThrow(() -> new IllegalStateException("Linked accounts before sign-in"));
        return users.findById(objectId).orElseThrow(() -> new IllegalStateException("Signed-in user not found"));
    }

    /** A federated identity of the user, as the page lists it. */
    record LinkedAccount(String provider, String issuer, String subject) {
    }

    /** A provider the user may link: {@code button#link-<name>}. */
    record LinkOption(String name, String displayName) {
    }
}
