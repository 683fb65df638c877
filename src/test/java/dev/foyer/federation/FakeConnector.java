package dev.foyer.federation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Dex's {@code mock} connector for tests: handles only providers whose {@code metadataUrl} starts
 * with {@code fake:} (so it is inert for every other test), sends the browser to a made-up provider
 * host that the test plays itself, and completes with whatever the test scripted for the provider:
 * an identity, or an {@link UpstreamException} of a given reason. An {@code error} parameter on the
 * callback is read like a real connector reads it. Ordered first, so it is asked before the OpenID
 * Connect connector, which takes every provider of its protocol.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FakeConnector implements Connector {

    public static final String SCHEME = "fake:";
    /** Where the fake provider "lives": not this server, so a test browser stops there. */
    public static final String AUTHORIZE = "https://idp.fake.test/authorize";
    public static final String CODE = "fake-code";

    private final Map<UUID, Object> scripts = new ConcurrentHashMap<>();
    private final Map<UUID, UpstreamRequest> lastRequests = new ConcurrentHashMap<>();

    @Override
    public boolean handles(IdentityProvider provider) {
        String metadata = provider.effectiveSettings().metadataUrl();
        return metadata != null && metadata.startsWith(SCHEME);
    }

    @Override
    public URI authorizationUrl(IdentityProvider provider, UpstreamRequest request) throws UpstreamException {
        if (provider.effectiveSettings().metadataUrl().equals(SCHEME + "unreachable")) {
            throw new UpstreamException(UpstreamException.Reason.UNREACHABLE,
                    "The identity provider could not be reached.");
        }
        lastRequests.put(provider.id(), request);
        return URI.create(AUTHORIZE + "?client_id=" + encode(provider.clientId()) + "&redirect_uri="
                + encode(request.redirectUri()) + "&state=" + encode(request.state()) + "&nonce="
                + encode(request.nonce()));
    }

    @Override
    public UpstreamIdentity complete(IdentityProvider provider, UpstreamRequest request, Map<String, String> callback)
            throws UpstreamException {
        String error = callback.get("error");
        if (error != null) {
            throw new UpstreamException("access_denied".equals(error) ? UpstreamException.Reason.CANCELLED
                    : UpstreamException.Reason.PROVIDER_ERROR, "The identity provider refused the sign-in.", error,
                    null);
        }
        if (!CODE.equals(callback.get("code"))) {
            throw new UpstreamException(UpstreamException.Reason.INVALID_RESPONSE,
                    "The identity provider's response could not be validated.");
        }
        Object script = scripts.get(provider.id());
        if (script instanceof UpstreamException failure) {
            throw failure;
        }
        if (script instanceof UpstreamIdentity identity) {
            return identity;
        }
        throw new UpstreamException(UpstreamException.Reason.INVALID_RESPONSE, "Nothing scripted.");
    }

    /** Every later sign-in at {@code provider} returns {@code identity}. */
    public void willSignIn(IdentityProvider provider, UpstreamIdentity identity) {
        scripts.put(provider.id(), identity);
    }

    /** Every later sign-in at {@code provider} fails for {@code reason}, with hostile upstream text. */
    public void willFail(IdentityProvider provider, UpstreamException.Reason reason) {
        scripts.put(provider.id(), new UpstreamException(reason, "Signing in failed (" + reason + ").",
                "<script>alert('upstream')</script>", null));
    }

    /** The request Foyer last sent to {@code provider}. */
    public UpstreamRequest lastRequest(IdentityProvider provider) {
        return lastRequests.get(provider.id());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
