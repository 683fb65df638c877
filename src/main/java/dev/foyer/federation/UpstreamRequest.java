package dev.foyer.federation;

/**
 * One upstream sign-in as the journey remembers it between the redirect and the callback.
 *
 * @param redirectUri  Foyer's callback, registered at the provider ({@code .../{tenant}/oauth2/authresp})
 * @param state        sent upstream and checked on the way back
 * @param nonce        sent upstream; the ID token must carry it
 * @param codeVerifier the PKCE verifier (S256) whose challenge was sent
 */
public record UpstreamRequest(String redirectUri, String state, String nonce, String codeVerifier) {

    /** Keeps the verifier out of logs. */
    @Override
    public String toString() {
        return "UpstreamRequest[redirectUri=" + redirectUri + "]";
    }
}
