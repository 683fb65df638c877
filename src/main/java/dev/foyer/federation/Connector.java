package dev.foyer.federation;

import java.net.URI;
import java.util.Map;

/**
 * Talks to one kind of upstream identity provider (Dex's connector idea): where to send the
 * browser, and what the browser brought back. One implementation per protocol, each in its own
 * package; tests plug in a fake one. Connectors hold no state between the two calls: everything
 * they need is in the {@link UpstreamRequest} the journey keeps.
 */
public interface Connector {

    /** Whether this connector speaks {@code provider}'s protocol. */
    boolean handles(IdentityProvider provider);

    /**
     * The upstream authorization URL for this sign-in: the provider's endpoint with client id,
     * redirect URI, scopes, {@code state}, {@code nonce} (OpenID Connect) and the PKCE challenge.
     *
     * @throws UpstreamException when the provider cannot be reached or is misconfigured
     */
    URI authorizationUrl(IdentityProvider provider, UpstreamRequest request) throws UpstreamException;

    /**
     * Completes the sign-in from the parameters the provider sent to Foyer's callback (the
     * {@code state} has already been checked): an error response, or a code that is exchanged
     * (with the PKCE verifier) and whose ID token is validated — signature, issuer, audience,
     * expiry, nonce — before any claim is read.
     *
     * @throws UpstreamException for an error response, a cancelled consent, an invalid token or an
     *                           unreachable provider; never with the upstream's text unescaped
     */
    UpstreamIdentity complete(IdentityProvider provider, UpstreamRequest request, Map<String, String> callback)
            throws UpstreamException;
}
