package dev.foyer.tokenviewer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One plain-language line per claim, as a person reading a token for the first time needs it. */
final class ClaimDescriptions {

    /** Claims whose value is a time in seconds since 1970 (RFC 7519 NumericDate). */
    static final Set<String> TIMES = Set.of("exp", "iat", "nbf", "auth_time");

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final Map<String, String> AUTHENTICATION_METHODS = Map.of(
            "pwd", "password",
            "sms", "a code by text message",
            "tel", "a code by phone call",
            "mfa", "multi-factor authentication",
            "otp", "a one-time code",
            "email", "a code by email",
            "fed", "a federated identity provider");

    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("sub", "The user's object id (the subject of the token)"),
            Map.entry("oid", "The user's object id"),
            Map.entry("aud", "The application the token is for (its client id)"),
            Map.entry("tfp", "The user flow that issued it"),
            Map.entry("acr", "The user flow that issued it"),
            Map.entry("nonce", "The value the application sent in its request, returned so it can tell this token"
                    + " answers that request (replay protection)"),
            Map.entry("ver", "The version of the token format"),
            Map.entry("emails", "The user's email addresses"),
            Map.entry("email", "The user's email address"),
            Map.entry("name", "The user's display name"),
            Map.entry("given_name", "The user's given (first) name"),
            Map.entry("family_name", "The user's surname (family name)"),
            Map.entry("idp", "The identity provider the user signed in with"),
            Map.entry("idp_access_token", "The access token the identity provider issued when the user signed in there"),
            Map.entry("newUser", "True when this run of the user flow created the account"),
            Map.entry("tid", "The tenant (directory) the user belongs to"),
            Map.entry("c_hash", "A hash of the authorization code sent with this token, which binds the two"),
            Map.entry("at_hash", "A hash of the access token sent with this token, which binds the two"),
            Map.entry("azp", "The application that asked for the token"),
            Map.entry("scp", "The scopes the application was granted"),
            Map.entry("jti", "The token's unique id"));

    private ClaimDescriptions() {
    }

    /**
     * The line for claim {@code name} with {@code value}; {@code issuer} is what the viewer found
     * out about the issuer (e.g. "user flow B2C_1_susi of tenant contoso, on this server").
     */
    static String describe(String name, Object value, String issuer) {
        return switch (name) {
            case "iss" -> "Who issued the token: " + issuer;
            case "exp" -> "When the token expires: " + readableTime(value);
            case "iat" -> "When the token was issued: " + readableTime(value);
            case "nbf" -> "The token is not valid before: " + readableTime(value);
            case "auth_time" -> "When the user last entered their credentials: " + readableTime(value);
            case "amr" -> "How the user proved who they are: " + methods(value);
            default -> FIXED.getOrDefault(name, "A claim of the application's or the flow's");
        };
    }

    /** {@code 1700000000} as {@code 2023-11-14T22:13:20Z}, or empty when it is no whole number. */
    static String isoTime(Object value) {
        return instant(value).map(Instant::toString).orElse("");
    }

    static Optional<Instant> instant(Object value) {
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) < 1e15) {
            return Optional.of(Instant.ofEpochSecond(number.longValue()));
        }
        return Optional.empty();
    }

    private static String readableTime(Object value) {
        return instant(value).map(READABLE::format).orElse("(not a time in seconds since 1970)");
    }

    private static String methods(Object value) {
        List<?> list = value instanceof List<?> l ? l : List.of(String.valueOf(value));
        return list.stream()
                .map(String::valueOf)
                .map(m -> m + ": " + AUTHENTICATION_METHODS.getOrDefault(m, "a method this viewer does not know"))
                .collect(Collectors.joining("; "));
    }
}
