package dev.foyer.application;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a registration may contain. Redirect URIs are absolute, without fragment, at most 100;
 * https everywhere except loopback ({@code http://localhost}, {@code http://127.0.0.1}); native
 * applications may also use a private-use scheme ({@code com.example.app:/callback}).
 */
public final class RedirectUriRules {

    public static final int MAX_REDIRECT_URIS = 100;
    public static final int MAX_URI_LENGTH = 2048;
    public static final int MAX_DISPLAY_NAME_LENGTH = 256;

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1");
    private static final Set<String> FORBIDDEN_SCHEMES = Set.of("javascript", "data", "vbscript", "file", "blob", "about");

    private RedirectUriRules() {
    }

    /** @throws IllegalArgumentException naming the first problem found */
    public static void check(Application application) {
        String name = application.displayName();
        if (name == null || name.isBlank() || name.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("The display name is required and at most "
                    + MAX_DISPLAY_NAME_LENGTH + " characters.");
        }
        checkRedirectUris(application.type(), application.redirectUris());
        application.logoutUrl().ifPresent(RedirectUriRules::checkLogoutUrl);
    }

    public static void checkRedirectUris(ApplicationType type, List<String> uris) {
        if (uris.size() > MAX_REDIRECT_URIS) {
            throw new IllegalArgumentException("An application can have at most " + MAX_REDIRECT_URIS + " redirect URIs.");
        }
        Set<String> seen = new HashSet<>();
        for (String uri : uris) {
            checkRedirectUri(type, uri);
            if (!seen.add(uri)) {
                throw new IllegalArgumentException("Redirect URI " + uri + " is listed twice.");
            }
        }
    }

    public static void checkRedirectUri(ApplicationType type, String raw) {
        URI uri = absoluteWithoutFragment(raw, "Redirect URI");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            checkWebUri(uri, raw, "Redirect URI");
        } else if (type != ApplicationType.NATIVE) {
            throw new IllegalArgumentException("Redirect URI " + raw + " must use https; custom schemes are for native applications only.");
        } else if (FORBIDDEN_SCHEMES.contains(scheme) || uri.isOpaque()) {
            throw new IllegalArgumentException("Redirect URI " + raw + " does not use a usable custom scheme (e.g. com.example.app:/callback).");
        }
    }

    public static void checkLogoutUrl(String raw) {
        URI uri = absoluteWithoutFragment(raw, "Logout URL");
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Logout URL " + raw + " must use https.");
        }
        checkWebUri(uri, raw, "Logout URL");
    }

    private static URI absoluteWithoutFragment(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(what + " must not be empty.");
        }
        if (raw.length() > MAX_URI_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_URI_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(what + " " + raw + " is not a valid URI.");
        }
        if (!uri.isAbsolute()) {
            throw new IllegalArgumentException(what + " " + raw + " must be absolute (include the scheme).");
        }
        if (uri.getRawFragment() != null || raw.contains("#")) {
            throw new IllegalArgumentException(what + " " + raw + " must not contain a fragment (#).");
        }
        return uri;
    }

    private static void checkWebUri(URI uri, String raw, String what) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException(what + " " + raw + " must name a host (wildcards are not allowed).");
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        if (!https && !LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " " + raw + " must use https (http is allowed only for localhost and 127.0.0.1).");
        }
    }
}
