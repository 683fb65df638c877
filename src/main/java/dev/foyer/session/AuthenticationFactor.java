package dev.foyer.session;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;

/**
 * One factor the browser proved, and when. Step-up, {@code amr} and {@code auth_time} are all
 * derived from a list of these.
 *
 * @param method an RFC 8176 method value: {@code pwd}, {@code sms}, {@code tel}, {@code otp}, ...
 * @param idp    for a sign-in at an upstream identity provider ({@link #FEDERATED}), the provider's
 *               issuer (e.g. {@code google.com}), kept so that a later silent sign-in names it again
 *               in the {@code idp} claim; null for every other factor
 */
public record AuthenticationFactor(String method, Instant at, String idp) {

    /** Stored factors from before {@code idp} existed read as null. */
    @JsonCreator
    public AuthenticationFactor {
    }

    public AuthenticationFactor(String method, Instant at) {
        this(method, at, null);
    }

    public static final String PASSWORD = "pwd";
    /**
     * A code sent to the account's sign-in email address was proven. A password reset stands on it
     * in place of the password, so it is a first factor here; an email one-time-code MFA method
     * would need its own method value.
     */
    public static final String EMAIL = "email";
    /** A sign-in at an upstream identity provider (Google, an OpenID Connect provider, ...): a first factor. */
    public static final String FEDERATED = "fed";

    /** Whether this factor is a second factor (anything but the password or the sign-in email). */
    public boolean isSecondFactor() {
        return !isFirstFactor();
    }

    /**
     * Whether this factor identifies the user on its own: the password, a reset by the sign-in
     * email, or a sign-in at an upstream identity provider.
     */
    public boolean isFirstFactor() {
        return PASSWORD.equals(method) || EMAIL.equals(method) || FEDERATED.equals(method);
    }
}
