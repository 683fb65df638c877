package dev.foyer.federation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Foyer's attributes out of a provider's claims through a provider's claim mapping
 * ({@link ProviderSettings#claimMapping()}), the same way for every connector.
 */
public final class UpstreamClaims {

    /** The profile attributes a provider may supply (the user id and email verification are read apart). */
    public static final List<String> PROFILE_ATTRIBUTES = List.of("email", "displayName", "givenName", "surname");

    private UpstreamClaims() {
    }

    /** Attribute → value for each mapped profile attribute the claims carry as a non-blank string or number. */
    public static Map<String, String> profile(Map<String, String> mapping, Map<String, Object> claims) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String attribute : PROFILE_ATTRIBUTES) {
            String value = text(claims.get(claimName(mapping, attribute)));
            if (value != null) {
                attributes.put(attribute, value);
            }
        }
        return attributes;
    }

    /** Whether each mapped profile attribute is present in {@code claims}. */
    public static boolean hasAllProfileClaims(Map<String, String> mapping, Map<String, Object> claims) {
        return PROFILE_ATTRIBUTES.stream()
                .map(attribute -> claimName(mapping, attribute))
                .filter(claim -> claim != null)
                .allMatch(claim -> text(claims.get(claim)) != null);
    }

    /** The upstream claim mapped to {@code attribute}, or null. */
    public static String claimName(Map<String, String> mapping, String attribute) {
        return mapping == null ? null : mapping.get(attribute);
    }

    /** A string or number as text (ids are often numbers); anything else, or blank, is null. */
    public static String text(Object value) {
        if (value instanceof String s) {
            return s.isBlank() ? null : s;
        }
        if (value instanceof Number n) {
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 0x1p53 ? Long.toString((long) d) : null;
            }
            return n.toString();
        }
        return null;
    }

    /** {@code true} or {@code "true"} (some providers send booleans as strings). */
    public static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof String s && s.equalsIgnoreCase("true"));
    }
}
