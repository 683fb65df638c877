package dev.foyer.federation;

/**
 * An upstream sign-in that did not produce an identity. The message is Foyer's own, safe to show;
 * the provider's error code and description, if any, are kept apart for the log and audit.
 */
public class UpstreamException extends Exception {

    /** Why; decides what the application is told. */
    public enum Reason {
        /** The user declined or cancelled at the provider ({@code error=access_denied}): {@code access_denied}. */
        CANCELLED,
        /** The provider answered with another OAuth error: {@code server_error}. */
        PROVIDER_ERROR,
        /** A response or token failed validation (signature, issuer, audience, expiry, nonce): {@code server_error}. */
        INVALID_RESPONSE,
        /** The provider could not be reached or answered garbage: {@code server_error}. */
        UNREACHABLE,
        /** The provider's configuration in Foyer is incomplete or wrong: {@code server_error}. */
        MISCONFIGURED
    }

    private final Reason reason;
    private final String upstreamError;

    public UpstreamException(Reason reason, String message, String upstreamError, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.upstreamError = upstreamError;
    }

    public UpstreamException(Reason reason, String message) {
        this(reason, message, null, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The provider's own error code (e.g. {@code invalid_grant}), untrusted: for logs and audit only. */
    public String upstreamError() {
        return upstreamError;
    }
}
