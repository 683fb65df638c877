package dev.foyer.userflow;

import java.util.Objects;

/**
 * The flow's "Multifactor authentication" property.
 *
 * @param method      the type of method, by the id an MFA method plug-in answers to: {@code phone}
 *                    (SMS or phone call), {@code phoneSms}, {@code phoneCall}, {@code email},
 *                    {@code totp}. A string rather than an enum so that a new method is a new
 *                    plug-in, not an edit here.
 * @param enforcement when the factor is asked for
 */
public record MfaSettings(String method, MfaEnforcement enforcement) {

    public static final String PHONE = "phone";

    public static final MfaSettings OFF = new MfaSettings(PHONE, MfaEnforcement.OFF);

    /** What B2C's 2018 single switch "Enabled" means: SMS or phone call, always on. */
    public static final MfaSettings ENABLED = new MfaSettings(PHONE, MfaEnforcement.ALWAYS_ON);

    public MfaSettings {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(enforcement, "enforcement");
    }

    public boolean isOn() {
        return enforcement != MfaEnforcement.OFF;
    }
}
