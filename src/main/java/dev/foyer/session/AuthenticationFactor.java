package dev.foyer.session;

import java.time.Instant;

/**
 * One factor the browser proved, and when. Step-up, {@code amr} and {@code auth_time} are all
 * derived from a list of these.
 *
 * @param method an RFC 8176 method value: {@code pwd}, {@code sms}, {@code tel}, {@code otp}, ...
 */
public record AuthenticationFactor(String method, Instant at) {

    public static final String PASSWORD = "pwd";

    /** Whether this factor is a possession factor (anything but a password). */
    public boolean isSecondFactor() {
        return !PASSWORD.equals(method);
    }
}
