package dev.foyer.federation;

import dev.foyer.audit.AuditEvent;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.journey.ExternalSignIns;
import dev.foyer.journey.FormInput;
import dev.foyer.journey.JourneyResult;
import dev.foyer.journey.ReturningStep;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.secrets.SecretBox;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Signs in at the identity provider the user picked on the sign-in page (or a {@code domain_hint}
 * named): sends the browser upstream, and on its return either identifies the user holding the
 * federated identity (issuer + subject) and proves {@code fed}, or keeps the new identity pending
 * for {@link FederatedLinkStep} and {@link FederatedSignUpStep}. An upstream failure ends the
 * journey: {@code access_denied} when the user cancelled, {@code server_error} otherwise, in
 * Foyer's words only. Has no page of its own.
 */
@Component
class FederatedSignInStep implements ReturningStep {

    static final String NAME = "federatedSignIn";
    /** What the directory stores of a federated identity. */
    static final int MAX_ISSUER = 256;
    static final int MAX_SUBJECT = 512;

    private final FlowProviders flowProviders;
    private final UpstreamSignIns upstream;
    private final UserRepository users;
    private final FederationEvents events;
    private final SecretBox secretBox;

    FederatedSignInStep(FlowProviders flowProviders, UpstreamSignIns upstream, UserRepository users,
                        FederationEvents events, SecretBox secretBox) {
        this.flowProviders = flowProviders;
        this.upstream = upstream;
        this.users = users;
        this.events = events;
        this.secretBox = secretBox;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public StepOutcome prepare(StepContext context) {
        Optional<String> chosen = ExternalSignIns.providerOf(context.choice().orElse(null));
        if (chosen.isEmpty() || context.subject().isPresent() || PendingIdentity.of(context).isPresent()) {
            return StepOutcome.completed();
        }
        Optional<IdentityProvider> provider = flowProviders.named(context.flow(), chosen.get());
        if (provider.isEmpty()) {
            return new StepOutcome.Failed(FederatedErrors.of(UpstreamException.Reason.MISCONFIGURED));
        }
        try {
            return upstream.begin(context, provider.get());
        } catch (UpstreamException e) {
            events.record(context, AuditEvent.SIGN_IN_FAILED, provider.get(), Map.of("reason", e.reason().name()));
            return new StepOutcome.Failed(FederatedErrors.of(e.reason()));
        }
    }

    /** The step shows no page, so no form comes to it; whatever does is answered like a fresh visit. */
    @Override
    public StepOutcome submit(StepContext context, FormInput input) {
        return prepare(context);
    }

    @Override
    public StepOutcome callback(StepContext context, FormInput parameters) {
        Optional<UpstreamSignIns.Completion> completion = upstream.complete(context, parameters);
        if (completion.isEmpty()) {
            return new StepOutcome.Failed(FederatedErrors.unexpectedCallback());
        }
        if (completion.get() instanceof UpstreamSignIns.Refused refused) {
            events.record(context, AuditEvent.SIGN_IN_FAILED, refused.provider(),
                    Map.of("reason", refused.failure().reason().name()));
            return new StepOutcome.Failed(FederatedErrors.of(refused.failure().reason()));
        }
        UpstreamSignIns.SignedIn signedIn = (UpstreamSignIns.SignedIn) completion.get();
        UpstreamIdentity identity = signedIn.identity();
        if (identity.issuer().length() > MAX_ISSUER || identity.subject().length() > MAX_SUBJECT) {
            events.record(context, AuditEvent.SIGN_IN_FAILED, signedIn.provider(), Map.of("reason", "identityTooLong"));
            return new StepOutcome.Failed(FederatedErrors.of(UpstreamException.Reason.INVALID_RESPONSE));
        }
        if (identity.accessToken() != null
                && context.flow().definition().applicationClaims().contains(JourneyResult.IDP_ACCESS_TOKEN)) {
            // Sealed while it waits in the journey and then the grant; only the token issuer opens it.
            context.handOverIdpAccessToken(secretBox.seal(identity.accessToken(), JourneyResult.IDP_ACCESS_TOKEN));
        }
        Optional<User> user = users.findByIdentity(Identity.federated(identity.issuer(), identity.subject()));
        if (user.isEmpty()) {
            PendingIdentity.of(signedIn.provider(), identity).save(context);
            return StepOutcome.completed();
        }
        if (!user.get().enabled()) {
            events.record(context, AuditEvent.SIGN_IN_FAILED, signedIn.provider(), Map.of("reason", "disabled",
                    "user", user.get().objectId().toString()));
            return new StepOutcome.Failed(FederatedErrors.ACCOUNT_DISABLED);
        }
        context.identify(user.get().objectId(), false);
        context.proveFederated(identity.issuer());
        events.record(context, AuditEvent.SIGN_IN_SUCCEEDED, signedIn.provider(), Map.of());
        return StepOutcome.completed();
    }
}
