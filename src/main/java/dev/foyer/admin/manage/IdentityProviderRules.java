package dev.foyer.admin.manage;

import dev.foyer.admin.manage.IdentityProviderAdministration.ProviderInput;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.ProviderKind;
import dev.foyer.federation.ProviderSettings;
import dev.foyer.journey.ExternalSignIns;
import dev.foyer.userflow.UserFlowDefinition;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks on an identity provider an administrator submits; each bad field gets its message. */
final class IdentityProviderRules {

    static final int MAX_URL = 2048;
    static final int MAX_TEXT = 256;
    static final int MAX_CLIENT_ID = 512;
    static final int MAX_SECRET = 4096;
    static final int MAX_SCOPES = 30;
    static final Set<String> MAPPED_ATTRIBUTES = Set.of("userId", "email", "emailVerified", "displayName",
            "givenName", "surname");
    static final Set<String> RESPONSE_MODES = Set.of("query", "form_post");
    /** RFC 6749 scope-token: printable ASCII but space, '"' and '\'. */
    private static final Pattern SCOPE = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,256}");
    private static final Pattern DOMAIN_HINT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Map<ProviderKind, String> PRESET_NAMES = Map.of(ProviderKind.GOOGLE, "Google",
            ProviderKind.MICROSOFT, "Microsoft", ProviderKind.APPLE, "Apple", ProviderKind.FACEBOOK, "Facebook",
            ProviderKind.GITHUB, "GitHub");

    /** The checked values: display name (defaulted), client id and the settings as given (absent: null). */
    record Checked(String displayName, String clientId, ProviderSettings settings) {
    }

    private IdentityProviderRules() {
    }

    /** What the portal and the API call a kind, e.g. "Google" or "OpenID Connect". */
    static String label(ProviderKind kind) {
        return switch (kind) {
            case OPENID_CONNECT -> "OpenID Connect";
            case OAUTH2 -> "OAuth 2.0";
            default -> PRESET_NAMES.get(kind);
        };
    }

    static String name(String raw, Map<String, String> errors) {
        String name = raw == null ? "" : raw.strip();
        if (!IdentityProvider.NAME.matcher(name).matches()) {
            errors.put("name", "A name has 1 to 64 letters, digits, '-' or '_', starting with a letter.");
            return null;
        }
        if (name.equalsIgnoreCase(UserFlowDefinition.LOCAL_ACCOUNT)) {
            errors.put("name", "LocalAccount is the name of local accounts; choose another name.");
            return null;
        }
        if (ExternalSignIns.PAGE_IDS.stream().anyMatch(name::equalsIgnoreCase)) {
            errors.put("name", "'" + name + "' is the id of an element of the sign-in page; choose another name.");
            return null;
        }
        return name;
    }

    static ProviderKind kind(String raw, Map<String, String> errors) {
        try {
            return ProviderKind.valueOf(raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", "The kind is one of OPENID_CONNECT, OAUTH2, GOOGLE, MICROSOFT, APPLE, FACEBOOK, GITHUB.");
            return null;
        }
    }

    /** The secret, or null when absent and not {@code required} (keep the stored one). */
    static String secret(String raw, boolean required, Map<String, String> errors) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                errors.put("clientSecret", "The client secret the provider issued is required.");
            }
            return null;
        }
        String secret = raw.strip();
        if (secret.length() > MAX_SECRET || hasControl(secret)) {
            errors.put("clientSecret", "At most " + MAX_SECRET + " characters, without control characters.");
            return null;
        }
        return secret;
    }

    static Checked check(ProviderInput in, String name, ProviderKind kind, Map<String, String> errors) {
        String displayName = blankToNull(in.displayName());
        if (displayName == null) {
            displayName = kind != null && kind.isPreset() ? PRESET_NAMES.get(kind) : name;
        } else if (displayName.length() > MAX_TEXT || hasControl(displayName)) {
            errors.put("displayName", "At most " + MAX_TEXT + " characters, without control characters.");
        }
        String clientId = blankToNull(in.clientId());
        if (clientId == null || clientId.length() > MAX_CLIENT_ID || hasControl(clientId)) {
            errors.put("clientId", "The client ID the provider issued is required, at most " + MAX_CLIENT_ID
                    + " characters.");
        }
        ProviderSettings settings = new ProviderSettings(
                url("metadataUrl", in.metadataUrl(), errors), url("authorizationUrl", in.authorizationUrl(), errors),
                url("tokenUrl", in.tokenUrl(), errors), url("userInfoUrl", in.userInfoUrl(), errors),
                issuer(in.issuer(), errors), scopes(in.scopes(), errors), mapping(in.claimMapping(), errors),
                domainHint(in.domainHint(), errors), responseMode(in.responseMode(), errors));
        if (kind == ProviderKind.OPENID_CONNECT && settings.metadataUrl() == null) {
            errors.putIfAbsent("metadataUrl", "An OpenID Connect provider needs its metadata URL"
                    + " (…/.well-known/openid-configuration).");
        }
        if (kind == ProviderKind.OAUTH2) {
            requireForOAuth2("authorizationUrl", settings.authorizationUrl(), errors);
            requireForOAuth2("tokenUrl", settings.tokenUrl(), errors);
            requireForOAuth2("userInfoUrl", settings.userInfoUrl(), errors);
            if (!errors.containsKey("claimMapping") && (settings.claimMapping() == null
                    || !settings.claimMapping().containsKey("userId"))) {
                errors.put("claimMapping.userId", "An OAuth 2.0 provider needs the user-info claim that identifies"
                        + " the user (claimMapping.userId, e.g. id or sub).");
            }
        }
        return new Checked(displayName, clientId, settings);
    }

    private static void requireForOAuth2(String field, String value, Map<String, String> errors) {
        if (value == null) {
            errors.putIfAbsent(field, "An OAuth 2.0 provider needs its " + field + ".");
        }
    }

    /** An absolute https URL; http only on this machine (providers run on loopback in development and tests). */
    static String url(String field, String raw, Map<String, String> errors) {
        String value = blankToNull(raw);
        if (value == null) {
            return null;
        }
        String problem = null;
        try {
            URI uri = new URI(value);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean https = "https".equalsIgnoreCase(uri.getScheme());
            boolean localHttp = "http".equalsIgnoreCase(uri.getScheme()) && LOOPBACK.contains(host);
            if (value.length() > MAX_URL) {
                problem = "At most " + MAX_URL + " characters.";
            } else if (!uri.isAbsolute() || host.isEmpty() || !(https || localHttp)) {
                problem = "An absolute https URL is required (http only for localhost).";
            } else if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                problem = "A URL without user name, password or fragment is required.";
            }
        } catch (URISyntaxException e) {
            problem = "An absolute https URL is required (http only for localhost).";
        }
        if (problem != null) {
            errors.put(field, problem);
            return null;
        }
        return value;
    }

    private static String issuer(String raw, Map<String, String> errors) {
        String value = blankToNull(raw);
        if (value != null && (value.length() > MAX_TEXT || value.chars().anyMatch(c -> c <= ' ' || c == 127))) {
            errors.put("issuer", "At most " + MAX_TEXT + " characters, without spaces.");
            return null;
        }
        return value;
    }

    private static List<String> scopes(List<String> raw, Map<String, String> errors) {
        if (raw == null) {
            return null;
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : raw) {
            if (scope == null || !SCOPE.matcher(scope).matches()) {
                errors.put("scopes", "Each scope is a single word without spaces or quotes, at most 256 characters.");
                return null;
            }
            if (!scopes.contains(scope)) {
                scopes.add(scope);
            }
        }
        if (scopes.size() > MAX_SCOPES) {
            errors.put("scopes", "At most " + MAX_SCOPES + " scopes.");
            return null;
        }
        return scopes.isEmpty() ? null : scopes;
    }

    private static Map<String, String> mapping(Map<String, String> raw, Map<String, String> errors) {
        if (raw == null) {
            return null;
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            if (!MAPPED_ATTRIBUTES.contains(entry.getKey())) {
                errors.put("claimMapping", "Unknown attribute " + printable(entry.getKey()) + "; the mapped attributes"
                        + " are userId, email, emailVerified, displayName, givenName and surname.");
                return null;
            }
            String claim = blankToNull(entry.getValue());
            if (claim == null) {
                continue;
            }
            if (claim.length() > MAX_TEXT || hasControl(claim)) {
                errors.put("claimMapping." + entry.getKey(), "A claim name of at most " + MAX_TEXT + " characters.");
                return null;
            }
            mapping.put(entry.getKey(), claim);
        }
        return mapping.isEmpty() ? null : mapping;
    }

    private static String domainHint(String raw, Map<String, String> errors) {
        String value = blankToNull(raw);
        if (value != null && !DOMAIN_HINT.matcher(value).matches()) {
            errors.put("domainHint", "A domain hint is a word such as google.com: letters, digits, '.', '-' or '_'.");
            return null;
        }
        return value;
    }

    private static String responseMode(String raw, Map<String, String> errors) {
        String value = blankToNull(raw);
        if (value != null && !RESPONSE_MODES.contains(value)) {
            errors.put("responseMode", "The response mode is query or form_post.");
            return null;
        }
        return value;
    }

    /** A name from the request, shortened and stripped of anything but safe characters, for a message. */
    private static String printable(String value) {
        String safe = value == null ? "" : value.replaceAll("[^A-Za-z0-9_.-]", "?");
        return safe.length() > 64 ? safe.substring(0, 64) + "…" : safe;
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
