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
    /**
     * A code sent to the account's sign-in email address was proven. A password reset stands on it
     * in place of the password, so it is a first factor here; an email one-time-code MFA method
     * would need its own method value.
     */
    public static final String EMAIL = "email";

    /** Whether this factor is a second factor (anything but the password or the sign-in email). */
    public boolean isSecondFactor() {
        return !isFirstFactor();
    }

    /** Whether this factor identifies the user on its own: the password, or a reset by the sign-in email. */
    public boolean isFirstFactor() {
        return PASSWORD.equals(method) || EMAIL.equals(method);
    }
}
