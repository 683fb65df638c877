package dev.foyer.userflow;

import java.time.Duration;

/**
 * Web session behaviour of a flow.
 *
 * @param webSessionLifetime       15 minutes to 24 hours; default 24 hours
 * @param rolling                  whether each use extends the session (default) or it ends at a fixed time
 * @param requireIdTokenInLogout   whether RP-initiated logout must carry {@code id_token_hint}
 */
public record SessionBehaviour(Duration webSessionLifetime, boolean rolling, boolean requireIdTokenInLogout) {

    public static final SessionBehaviour DEFAULTS = new SessionBehaviour(Duration.ofMinutes(1440), true, false);

    public SessionBehaviour {
        if (webSessionLifetime == null || webSessionLifetime.compareTo(Duration.ofMinutes(15)) < 0
                || webSessionLifetime.compareTo(Duration.ofMinutes(1440)) > 0) {
            throw new IllegalArgumentException("webSessionLifetime must be between 15 and 1440 minutes");
        }
    }
}
