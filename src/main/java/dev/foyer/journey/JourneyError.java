package dev.foyer.journey;

/**
 * Why a journey ended without a signed-in user, as a value with a stable code.
 *
 * @param code          stable, B2C-style where B2C has one (AADB2C90091 is "the user cancelled")
 * @param protocolError the OAuth 2.0 error the application receives
 * @param description   what the application receives in {@code error_description}
 */
public record JourneyError(String code, String protocolError, String description) {

    public static final JourneyError CANCELLED = new JourneyError("AADB2C90091", "access_denied",
            "The user has cancelled entering self-asserted information.");

    /**
     * "Forgot your password?" on a flow without self-service password reset: the application is
     * expected to start its password reset flow, as MSAL apps written for B2C do.
     */
    public static final JourneyError FORGOT_PASSWORD = new JourneyError("AADB2C90118", "access_denied",
            "The user has forgotten their password.");

    public static final JourneyError LOGIN_REQUIRED = new JourneyError("FOYER20001", "login_required",
            "The user must sign in; prompt=none does not allow it.");

    public static final JourneyError INTERACTION_REQUIRED = new JourneyError("FOYER20002", "interaction_required",
            "The user must complete a step on a page; prompt=none does not allow it.");

    public static JourneyError unavailable(String what) {
        return new JourneyError("FOYER20003", "temporarily_unavailable", what);
    }

    /** The text sent as {@code error_description}: the code first, as B2C does. */
    public String errorDescription() {
        return code + ": " + description;
    }
}
