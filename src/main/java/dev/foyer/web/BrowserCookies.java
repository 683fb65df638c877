package dev.foyer.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * Every cookie Foyer sets goes through here: HttpOnly, with a SameSite value, and Secure when the
 * request is (TLS, or a trusted {@code X-Forwarded-Proto: https}). Over HTTPS the name carries a
 * prefix the browser enforces — {@code __Host-} for path {@code /} (Secure, no Domain: a sibling
 * subdomain or a plain-HTTP page cannot plant or overwrite it), {@code __Secure-} for a narrower
 * path — and only the prefixed name is read back, so a cookie planted without TLS is never taken
 * for a genuine one.
 */
public final class BrowserCookies {

    /** Sent on top-level navigations from other sites: the application's redirect to sign-in. */
    public static final String LAX = "Lax";
    /** Never sent on requests another site starts. */
    public static final String STRICT = "Strict";

    private BrowserCookies() {
    }

    /** The name cookie {@code name} with path {@code path} carries on this request. */
    public static String name(HttpServletRequest request, String name, String path) {
        if (!request.isSecure()) {
            return name;
        }
        return ("/".equals(path) ? "__Host-" : "__Secure-") + name;
    }

    /** The value of cookie {@code name} (as set by {@link #set}), if the browser sent it. */
    public static Optional<String> read(HttpServletRequest request, String name, String path) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        String wanted = name(request, name, path);
        return Arrays.stream(cookies).filter(c -> c.getName().equals(wanted)).map(Cookie::getValue).findFirst();
    }

    /** Sets cookie {@code name}; {@code maxAge} null makes it a session cookie. */
    public static void set(HttpServletRequest request, HttpServletResponse response, String name, String value,
                           String path, String sameSite, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name(request, name, path), value)
                .path(path).httpOnly(true).secure(request.isSecure()).sameSite(sameSite);
        if (maxAge != null) {
            cookie.maxAge(maxAge);
        }
        response.addHeader("Set-Cookie", cookie.build().toString());
    }

    /** Removes cookie {@code name} from the browser. */
    public static void clear(HttpServletRequest request, HttpServletResponse response, String name, String path,
                             String sameSite) {
        set(request, response, name, "", path, sameSite, Duration.ZERO);
    }
}
