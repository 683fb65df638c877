package dev.foyer.admin.api;

import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.userflow.MfaEnforcement;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.SessionBehaviour;
import dev.foyer.userflow.TokenCompatibility;
import dev.foyer.userflow.TokenLifetimes;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A user flow's definition as JSON: what GET returns and PUT/PATCH take. Durations are ISO 8601
 * ({@code PT1H}, {@code P14D}); {@code refreshSlidingWindow} may be {@code "unbounded"}. Converting
 * to the domain names every bad field at once, by its path ({@code properties.tokenLifetimes.refreshToken}).
 */
record FlowDefinitionBody(List<String> identityProviders, List<String> signUpAttributes,
                          List<String> applicationClaims, Properties properties) implements JsonRequestBody {

    static final String UNBOUNDED = "unbounded";

    record Properties(Mfa mfa, Lifetimes tokenLifetimes, Compatibility tokenCompatibility, Session session,
                      String passwordComplexity, Boolean selfServicePasswordReset) {
    }

    record Mfa(String method, String enforcement) {
    }

    record Lifetimes(String accessAndIdToken, String refreshToken, String refreshSlidingWindow) {
    }

    record Compatibility(String issuer, String flowClaim) {
    }

    record Session(String webSessionLifetime, Boolean rolling, Boolean requireIdTokenInLogout) {
    }

    static FlowDefinitionBody of(UserFlowDefinition d) {
        UserFlowProperties p = d.properties();
        TokenLifetimes l = p.tokenLifetimes();
        return new FlowDefinitionBody(d.identityProviders(), d.signUpAttributes(), d.applicationClaims(),
                new Properties(new Mfa(p.mfa().method(), p.mfa().enforcement().name()),
                        new Lifetimes(l.accessAndIdToken().toString(), l.refreshToken().toString(),
                                l.refreshSlidingWindow() == null ? UNBOUNDED : l.refreshSlidingWindow().toString()),
                        new Compatibility(p.tokenCompatibility().issuer().name(), p.tokenCompatibility().flowClaim().name()),
                        new Session(p.session().webSessionLifetime().toString(), p.session().rolling(),
                                p.session().requireIdTokenInLogout()),
                        p.passwordComplexity(), p.selfServicePasswordReset()));
    }

    /** This body over {@code base}: fields left out keep the base's values. */
    UserFlowDefinition applyTo(UserFlowDefinition base) {
        Map<String, String> errors = new LinkedHashMap<>();
        UserFlowProperties b = base.properties();
        Properties p = properties == null ? new Properties(null, null, null, null, null, null) : properties;
        MfaSettings mfa = mfa(p.mfa(), b.mfa(), errors);
        TokenLifetimes lifetimes = lifetimes(p.tokenLifetimes(), b.tokenLifetimes(), errors);
        TokenCompatibility compatibility = compatibility(p.tokenCompatibility(), b.tokenCompatibility(), errors);
        SessionBehaviour session = session(p.session(), b.session(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new UserFlowDefinition(
                identityProviders != null ? identityProviders : base.identityProviders(),
                signUpAttributes != null ? signUpAttributes : base.signUpAttributes(),
                applicationClaims != null ? applicationClaims : base.applicationClaims(),
                new UserFlowProperties(mfa, lifetimes, compatibility, session,
                        p.passwordComplexity() != null ? p.passwordComplexity() : b.passwordComplexity(),
                        p.selfServicePasswordReset() != null ? p.selfServicePasswordReset()
                                : b.selfServicePasswordReset()));
    }

    private static MfaSettings mfa(Mfa in, MfaSettings base, Map<String, String> errors) {
        if (in == null) {
            return base;
        }
        MfaEnforcement enforcement = in.enforcement() == null ? base.enforcement()
                : constant(MfaEnforcement.class, in.enforcement(), "properties.mfa.enforcement", errors);
        return new MfaSettings(in.method() != null ? in.method() : base.method(),
                enforcement != null ? enforcement : base.enforcement());
    }

    private static TokenLifetimes lifetimes(Lifetimes in, TokenLifetimes base, Map<String, String> errors) {
        if (in == null) {
            return base;
        }
        String prefix = "properties.tokenLifetimes.";
        Duration access = duration(in.accessAndIdToken(), base.accessAndIdToken(), prefix + "accessAndIdToken", errors);
        Duration refresh = duration(in.refreshToken(), base.refreshToken(), prefix + "refreshToken", errors);
        Duration window = UNBOUNDED.equals(in.refreshSlidingWindow()) ? null
                : duration(in.refreshSlidingWindow(), base.refreshSlidingWindow(), prefix + "refreshSlidingWindow",
                        errors);
        return build(() -> new TokenLifetimes(access, refresh, window),
                // TokenLifetimes names the field first in its message: "refreshToken must be between ..."
                message -> prefix + message.substring(0, message.indexOf(' ')), errors, base);
    }

    private static TokenCompatibility compatibility(Compatibility in, TokenCompatibility base,
                                                    Map<String, String> errors) {
        if (in == null) {
            return base;
        }
        TokenCompatibility.IssuerFormat issuer = in.issuer() == null ? base.issuer() : constant(
                TokenCompatibility.IssuerFormat.class, in.issuer(), "properties.tokenCompatibility.issuer", errors);
        TokenCompatibility.FlowClaim claim = in.flowClaim() == null ? base.flowClaim() : constant(
                TokenCompatibility.FlowClaim.class, in.flowClaim(), "properties.tokenCompatibility.flowClaim", errors);
        return new TokenCompatibility(issuer != null ? issuer : base.issuer(), claim != null ? claim : base.flowClaim());
    }

    private static SessionBehaviour session(Session in, SessionBehaviour base, Map<String, String> errors) {
        if (in == null) {
            return base;
        }
        String field = "properties.session.webSessionLifetime";
        Duration lifetime = duration(in.webSessionLifetime(), base.webSessionLifetime(), field, errors);
        return build(() -> new SessionBehaviour(lifetime,
                        in.rolling() != null ? in.rolling() : base.rolling(),
                        in.requireIdTokenInLogout() != null ? in.requireIdTokenInLogout() : base.requireIdTokenInLogout()),
                message -> field, errors, base);
    }

    private static <T> T build(java.util.function.Supplier<T> constructor, Function<String, String> fieldOf,
                               Map<String, String> errors, T fallback) {
        if (!errors.isEmpty()) {
            return fallback;
        }
        try {
            return constructor.get();
        } catch (IllegalArgumentException e) {
            errors.put(fieldOf.apply(e.getMessage()), e.getMessage() + ".");
            return fallback;
        }
    }

    private static Duration duration(String raw, Duration base, String field, Map<String, String> errors) {
        if (raw == null) {
            return base;
        }
        try {
            return Duration.parse(raw);
        } catch (DateTimeParseException e) {
            errors.put(field, "An ISO 8601 duration, e.g. PT1H or P14D.");
            return base;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String raw, String field, Map<String, String> errors) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put(field, "One of " + List.of(type.getEnumConstants()) + ".");
            return null;
        }
    }
}
