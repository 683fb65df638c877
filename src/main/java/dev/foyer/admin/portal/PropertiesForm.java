package dev.foyer.admin.portal;

import dev.foyer.userflow.MfaEnforcement;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.SessionBehaviour;
import dev.foyer.userflow.TokenCompatibility;
import dev.foyer.userflow.TokenLifetimes;
import dev.foyer.userflow.UserFlowProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Properties form as typed: strings, so a bad value is shown back as it was entered next to
 * its message. {@code mfa} is the seed's simple switch ({@code enabled}/{@code disabled});
 * {@code mfaMethod} and {@code mfaEnforcement} are the advanced settings.
 */
record PropertiesForm(String version, String mfa, String mfaMethod, String mfaEnforcement,
                      String accessTokenMinutes, String refreshTokenDays, String slidingWindow,
                      String slidingWindowDays, String issuer, String flowClaim, String sessionMinutes,
                      String sessionType, String requireIdTokenInLogout, String passwordComplexity,
                      String selfServicePasswordReset) {

    static PropertiesForm of(UserFlowProperties p, int version) {
        TokenLifetimes lifetimes = p.tokenLifetimes();
        Duration window = lifetimes.refreshSlidingWindow();
        return new PropertiesForm(String.valueOf(version), p.mfa().isOn() ? "enabled" : "disabled",
                p.mfa().method(), p.mfa().enforcement().name(),
                String.valueOf(lifetimes.accessAndIdToken().toMinutes()),
                String.valueOf(lifetimes.refreshToken().toDays()), window == null ? "unbounded" : "bounded",
                window == null ? "" : String.valueOf(window.toDays()), p.tokenCompatibility().issuer().name(),
                p.tokenCompatibility().flowClaim().name(), String.valueOf(p.session().webSessionLifetime().toMinutes()),
                p.session().rolling() ? "rolling" : "absolute", String.valueOf(p.session().requireIdTokenInLogout()),
                p.passwordComplexity(), String.valueOf(p.selfServicePasswordReset()));
    }

    /**
     * The properties this form asks for, starting from {@code current}. The simple switch wins when
     * the administrator flipped it (Enabled = SMS or phone call, Always on); otherwise the advanced
     * settings apply. Puts a message per bad field into {@code errors}; returns null if there is any.
     */
    UserFlowProperties toProperties(UserFlowProperties current, Map<String, String> errors) {
        Integer access = number("accessTokenMinutes", accessTokenMinutes, 5, 1440,
                "Access and ID token lifetime is 5 to 1440 minutes.", errors);
        Integer refresh = number("refreshTokenDays", refreshTokenDays, 1, 90,
                "Refresh token lifetime is 1 to 90 days.", errors);
        boolean unbounded = "unbounded".equals(slidingWindow);
        Integer window = unbounded ? null : number("slidingWindowDays", slidingWindowDays, 1, 365,
                "Refresh token sliding window lifetime is 1 to 365 days (or choose No expiry).", errors);
        Integer session = number("sessionMinutes", sessionMinutes, 15, 1440,
                "Web app session lifetime is 15 to 1440 minutes.", errors);
        TokenCompatibility.IssuerFormat issuerFormat = choice("issuer", issuer,
                TokenCompatibility.IssuerFormat.class, "Choose an issuer format.", errors);
        TokenCompatibility.FlowClaim claim = choice("flowClaim", flowClaim, TokenCompatibility.FlowClaim.class,
                "Choose the claim that names the user flow.", errors);
        MfaSettings newMfa = mfa(current.mfa(), errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new UserFlowProperties(newMfa,
                new TokenLifetimes(Duration.ofMinutes(access), Duration.ofDays(refresh),
                        unbounded ? null : Duration.ofDays(window)),
                new TokenCompatibility(issuerFormat, claim),
                new SessionBehaviour(Duration.ofMinutes(session), !"absolute".equals(sessionType),
                        "true".equals(requireIdTokenInLogout)),
                passwordComplexity == null ? "" : passwordComplexity, "true".equals(selfServicePasswordReset));
    }

    private MfaSettings mfa(MfaSettings current, Map<String, String> errors) {
        boolean switchWas = current.isOn();
        if ("enabled".equals(mfa) && !switchWas) {
            return MfaSettings.ENABLED;
        }
        if ("disabled".equals(mfa) && switchWas) {
            return new MfaSettings(current.method(), MfaEnforcement.OFF);
        }
        if (mfaMethod == null || mfaMethod.isBlank()) {
            errors.put("mfaMethod", "Choose a type of method.");
        }
        MfaEnforcement enforcement = choice("mfaEnforcement", mfaEnforcement, MfaEnforcement.class,
                "Choose when multifactor authentication is asked for.", errors);
        return errors.containsKey("mfaMethod") || enforcement == null ? null
                : new MfaSettings(mfaMethod, enforcement);
    }

    private static Integer number(String field, String value, int min, int max, String message,
                                  Map<String, String> errors) {
        try {
            int n = Integer.parseInt(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, as out of range
        }
        errors.put(field, message);
        return null;
    }

    private static <E extends Enum<E>> E choice(String field, String value, Class<E> type, String message,
                                                Map<String, String> errors) {
        try {
            return Enum.valueOf(type, value == null ? "" : value);
        } catch (IllegalArgumentException e) {
            errors.put(field, message);
            return null;
        }
    }

    /** Where the form shows each error {@link dev.foyer.admin.manage.FlowAdministration} names. */
    static Map<String, String> fieldsOf(Map<String, String> serviceErrors) {
        Map<String, String> fields = new LinkedHashMap<>();
        serviceErrors.forEach((key, message) -> fields.put(switch (key) {
            case "properties.mfa.method" -> "mfaMethod";
            case "properties.mfa.enforcement" -> "mfaEnforcement";
            case "properties.passwordComplexity" -> "passwordComplexity";
            default -> key;
        }, message));
        return fields;
    }
}
