package dev.foyer.federation;

import dev.foyer.journey.JourneyError;

/** How a federated sign-in ends for the application when it does not sign anyone in: stable codes, Foyer's words. */
final class FederatedErrors {

    /** B2C's code for an identity provider's {@code access_denied} (the user cancelled or declined consent). */
    static final JourneyError CANCELLED = new JourneyError("AADB2C90273", "access_denied",
            "The user has cancelled signing in with the identity provider.");

    /** B2C's code for a sign-in-only flow reached by someone without an account. */
    static final JourneyError NO_ACCOUNT = new JourneyError("AADB2C99002", "access_denied",
            "This user does not exist and the user flow does not allow the user to be created.");

    static final JourneyError ACCOUNT_DISABLED = new JourneyError("FOYER30002", "access_denied",
            "The account is disabled.");

    private FederatedErrors() {
    }

    /** The error for a failed upstream sign-in: a cancel is the user's choice, anything else is ours. */
    static JourneyError of(UpstreamException.Reason reason) {
        return switch (reason) {
            case CANCELLED -> CANCELLED;
            case PROVIDER_ERROR -> serverError("The identity provider answered with an error.");
            case INVALID_RESPONSE -> serverError("The identity provider's response failed validation.");
            case UNREACHABLE -> serverError("The identity provider could not be reached.");
            case MISCONFIGURED -> serverError("Signing in with the identity provider is not configured correctly.");
        };
    }

    /** A callback that matched no pending upstream sign-in of the journey. */
    static JourneyError unexpectedCallback() {
        return serverError("The identity provider's response did not match a sign-in in progress.");
    }

    private static JourneyError serverError(String description) {
        return new JourneyError("FOYER30001", "server_error", description);
    }
}
