package dev.foyer.federation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A connector for the account-linking tests, for providers whose metadata URL starts with
 * {@value #MARKER}. Its "authorization URL" is never visited: the test plays the provider and comes
 * back to the callback with {@code code=<subject>} (the identity is {@code settings.issuer} +
 * subject) or with an OAuth {@code error}. A metadata URL of {@code fake-link:down} cannot start.
 */
@Component
class LinkTestConnector implements Connector {

    static final String MARKER = "fake-link:";
    static final String DOWN = MARKER + "down";
    static final String AUTHORIZE = "https://idp.link.test/authorize";

    @Override
    public boolean handles(IdentityProvider provider) {
        String metadata = provider.settings().metadataUrl();
        return metadata != null && metadata.startsWith(MARKER);
    }

    @Override
    public URI authorizationUrl(IdentityProvider provider, UpstreamRequest request) throws UpstreamException {
        if (DOWN.equals(provider.settings().metadataUrl())) {
            throw new UpstreamException(UpstreamException.Reason.UNREACHABLE, "The provider could not be reached.");
        }
        return URI.create(AUTHORIZE + "?client_id=" + encode(provider.clientId()) + "&state=" + encode(request.state())
                + "&nonce=" + encode(request.nonce()) + "&redirect_uri=" + encode(request.redirectUri()));
    }

    @Override
    public UpstreamIdentity complete(IdentityProvider provider, UpstreamRequest request, Map<String, String> callback)
            throws UpstreamException {
        String error = callback.get("error");
        if (error != null) {
            UpstreamException.Reason reason = "access_denied".equals(error) ? UpstreamException.Reason.CANCELLED
                    : UpstreamException.Reason.PROVIDER_ERROR;
            throw new UpstreamException(reason, "The provider refused the sign-in.",
                    error + ": " + callback.get("error_description"), null);
        }
        String code = callback.get("code");
        if (code == null || code.isBlank()) {
            throw new UpstreamException(UpstreamException.Reason.INVALID_RESPONSE, "The provider sent no code.");
        }
        return new UpstreamIdentity(provider.settings().issuer(), code, Map.of(), false, null);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
