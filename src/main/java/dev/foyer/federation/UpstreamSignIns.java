package dev.foyer.federation;

import dev.foyer.journey.FormInput;
import dev.foyer.journey.StepContext;
import dev.foyer.journey.StepOutcome;
import dev.foyer.security.OpaqueTokens;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The two halves of one upstream sign-in, for any returning step: {@link #begin} remembers the
 * request (nonce, PKCE verifier, provider) in the step's own journey data and sends the browser to
 * the provider through its connector; {@link #complete} hands the callback to the same connector.
 * The engine has already checked the callback's {@code state} and browser before {@code complete}.
 */
@Component
public class UpstreamSignIns {

    private static final Logger log = LoggerFactory.getLogger(UpstreamSignIns.class);
    private static final String PROVIDER = "upstream.provider";
    private static final String NONCE = "upstream.nonce";
    private static final String VERIFIER = "upstream.verifier";
    private static final String REDIRECT_URI = "upstream.redirectUri";

    private final List<Connector> connectors;
    private final IdentityProviderRepository providers;

    public UpstreamSignIns(List<Connector> connectors, IdentityProviderRepository providers) {
        this.connectors = connectors;
        this.providers = providers;
    }

    /** What came back from the provider. */
    public sealed interface Completion {
    }

    /** The provider vouched for {@code identity}. */
    public record SignedIn(IdentityProvider provider, UpstreamIdentity identity) implements Completion {
    }

    /** No identity; {@code failure}'s message is safe to show. */
    public record Refused(IdentityProvider provider, UpstreamException failure) implements Completion {
    }

    /**
     * Sends the browser to {@code provider}, remembering the request in the step's data.
     *
     * @throws UpstreamException when the provider cannot be used (no connector for it, unreachable
     *                           discovery document, incomplete configuration); nothing is remembered then
     */
    public StepOutcome.Redirect begin(StepContext context, IdentityProvider provider) throws UpstreamException {
        Connector connector = connectorFor(provider).orElseThrow(() -> unavailable(provider));
        UpstreamRequest request = new UpstreamRequest(context.callbackUrl(), context.callbackState(),
                OpaqueTokens.generate(), OpaqueTokens.generate());
        try {
            String location = connector.authorizationUrl(provider, request).toString();
            context.put(PROVIDER, provider.id().toString());
            context.put(NONCE, request.nonce());
            context.put(VERIFIER, request.codeVerifier());
            context.put(REDIRECT_URI, request.redirectUri());
            return new StepOutcome.Redirect(location);
        } catch (UpstreamException e) {
            log.warn("Sign-in with identity provider {} could not start: {} ({})", provider.name(), e.reason(),
                    e.getMessage());
            throw e;
        }
    }

    /** The provider the step's pending upstream request went to, if any. */
    public Optional<IdentityProvider> pendingProvider(StepContext context) {
        return context.get(PROVIDER).map(UpstreamSignIns::uuid).flatMap(id -> id.flatMap(providers::findById));
    }

    /**
     * Hands the callback's parameters to the connector of the pending request, which is forgotten
     * either way (a callback counts once); empty when the step has no pending request.
     */
    public Optional<Completion> complete(StepContext context, FormInput parameters) {
        Optional<IdentityProvider> provider = pendingProvider(context);
        Optional<String> nonce = context.get(NONCE);
        Optional<String> verifier = context.get(VERIFIER);
        Optional<String> redirectUri = context.get(REDIRECT_URI);
        forget(context);
        if (provider.isEmpty() || nonce.isEmpty() || verifier.isEmpty() || redirectUri.isEmpty()) {
            return Optional.empty();
        }
        Optional<Connector> connector = connectorFor(provider.get());
        if (connector.isEmpty()) {
            return Optional.of(new Refused(provider.get(), unavailable(provider.get())));
        }
        UpstreamRequest request = new UpstreamRequest(redirectUri.get(), null, nonce.get(), verifier.get());
        try {
            return Optional.of(new SignedIn(provider.get(),
                    connector.get().complete(provider.get(), request, parameters.fields())));
        } catch (UpstreamException e) {
            log.info("Sign-in with identity provider {} failed: {} (upstream error: {})", provider.get().name(),
                    e.reason(), printable(e.upstreamError()));
            return Optional.of(new Refused(provider.get(), e));
        }
    }

    /** Drops a pending upstream request (e.g. the user chose another way to sign in). */
    public void forget(StepContext context) {
        context.put(PROVIDER, null);
        context.put(NONCE, null);
        context.put(VERIFIER, null);
        context.put(REDIRECT_URI, null);
    }

    private static UpstreamException unavailable(IdentityProvider provider) {
        return new UpstreamException(UpstreamException.Reason.MISCONFIGURED,
                "Signing in with " + provider.displayName() + " is not available on this server.");
    }

    private Optional<Connector> connectorFor(IdentityProvider provider) {
        return connectors.stream().filter(c -> c.handles(provider)).findFirst();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Untrusted upstream text, cut and stripped of control characters before it reaches a log line. */
    static String printable(String upstream) {
        if (upstream == null) {
            return "none";
        }
        String cut = upstream.length() > 100 ? upstream.substring(0, 100) + "…" : upstream;
        return cut.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "?");
    }
}
