package dev.foyer.oidc;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.application.ApplicationType;
import dev.foyer.tenant.TenantContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets single-page apps call the protocol endpoints a browser calls with {@code fetch} — discovery,
 * keys, token and userinfo — from their own origin: MSAL and other browser libraries fetch metadata
 * and redeem codes cross-origin. Only the origins of the redirect URIs of the tenant's single-page
 * applications are allowed, never with credentials; any other origin gets no CORS headers and the
 * browser keeps the response from the page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SpaCorsFilter extends OncePerRequestFilter {

    private static final Pattern BROWSER_ENDPOINTS = Pattern.compile("^/[^/]+(/[^/]+)?/(v2\\.0/\\.well-known/"
            + "openid-configuration|discovery/v2\\.0/keys|oauth2/v2\\.0/token|openid/v2\\.0/userinfo)$");
    private static final String MAX_AGE_SECONDS = "600";

    private final ApplicationRepository applications;

    SpaCorsFilter(ApplicationRepository applications) {
        this.applications = applications;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) == null || TenantContext.find().isEmpty()
                || !BROWSER_ENDPOINTS.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (!isSpaOrigin(origin)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        String preflightMethod = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if ("OPTIONS".equals(request.getMethod()) && preflightMethod != null) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
            String headers = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
            if (headers != null && !headers.isBlank()) {
                response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers);
            }
            response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isSpaOrigin(String origin) {
        return applications.findAll().stream().filter(a -> a.type() == ApplicationType.SPA)
                .map(Application::redirectUris).flatMap(java.util.List::stream)
                .map(SpaCorsFilter::originOf).filter(Objects::nonNull)
                .anyMatch(origin::equals);
    }

    /** {@code scheme://host[:port]} of a redirect URI, as a browser sends it in {@code Origin}. */
    static String originOf(String uri) {
        try {
            URI parsed = URI.create(uri);
            if (parsed.getScheme() == null || parsed.getHost() == null) {
                return null;
            }
            String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
            int port = parsed.getPort();
            boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443)
                    || (scheme.equals("http") && port == 80);
            return scheme + "://" + parsed.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
