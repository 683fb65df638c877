package dev.foyer.userflow;

import java.util.Objects;

/**
 * A flow's "Properties" blade.
 *
 * @param passwordComplexity       {@code simple} or {@code strong} (default)
 * @param selfServicePasswordReset B2C's "Self-service password reset" (off by default): on, the sign-in
 *                                 page's "Forgot your password?" runs the reset inside this flow and
 *                                 then signs the user in; off, the link ends the flow with
 *                                 {@code AADB2C90118} so the application starts a password reset flow
 */
public record UserFlowProperties(
        MfaSettings mfa,
        TokenLifetimes tokenLifetimes,
        TokenCompatibility tokenCompatibility,
        SessionBehaviour session,
        String passwordComplexity,
        Boolean selfServicePasswordReset) {

    public static final UserFlowProperties DEFAULTS = new UserFlowProperties(
            MfaSettings.OFF, TokenLifetimes.DEFAULTS, TokenCompatibility.DEFAULTS, SessionBehaviour.DEFAULTS, "strong",
            false);

    public UserFlowProperties {
        Objects.requireNonNull(mfa, "mfa");
        Objects.requireNonNull(tokenLifetimes, "tokenLifetimes");
        Objects.requireNonNull(tokenCompatibility, "tokenCompatibility");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(passwordComplexity, "passwordComplexity");
        // Absent from definitions stored before the property existed: off, as in B2C.
        selfServicePasswordReset = Boolean.TRUE.equals(selfServicePasswordReset);
    }

    /** Properties without self-service password reset (the default), as they were before it existed. */
    public UserFlowProperties(MfaSettings mfa, TokenLifetimes tokenLifetimes, TokenCompatibility tokenCompatibility,
                              SessionBehaviour session, String passwordComplexity) {
        this(mfa, tokenLifetimes, tokenCompatibility, session, passwordComplexity, false);
    }

    public UserFlowProperties withMfa(MfaSettings newMfa) {
        return new UserFlowProperties(newMfa, tokenLifetimes, tokenCompatibility, session, passwordComplexity,
                selfServicePasswordReset);
    }

    public UserFlowProperties withSelfServicePasswordReset(boolean enabled) {
        return new UserFlowProperties(mfa, tokenLifetimes, tokenCompatibility, session, passwordComplexity, enabled);
    }
}
