package dev.foyer.userflow;

import java.util.Objects;

/**
 * A flow's "Properties" blade.
 *
 * @param passwordComplexity {@code simple} or {@code strong} (default)
 */
public record UserFlowProperties(
        MfaSettings mfa,
        TokenLifetimes tokenLifetimes,
        TokenCompatibility tokenCompatibility,
        SessionBehaviour session,
        String passwordComplexity) {

    public static final UserFlowProperties DEFAULTS = new UserFlowProperties(
            MfaSettings.OFF, TokenLifetimes.DEFAULTS, TokenCompatibility.DEFAULTS, SessionBehaviour.DEFAULTS, "strong");

    public UserFlowProperties {
        Objects.requireNonNull(mfa, "mfa");
        Objects.requireNonNull(tokenLifetimes, "tokenLifetimes");
        Objects.requireNonNull(tokenCompatibility, "tokenCompatibility");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(passwordComplexity, "passwordComplexity");
    }

    public UserFlowProperties withMfa(MfaSettings newMfa) {
        return new UserFlowProperties(newMfa, tokenLifetimes, tokenCompatibility, session, passwordComplexity);
    }
}
