package dev.foyer.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every response. The policy allows no inline script or style: pages that
 * need script (such as the auto-submitting form_post page) load it from {@code /static/}.
 * {@code form-action} is left out on purpose: hosted pages post to Foyer, but a form_post page
 * posts to the application's redirect URI, and some browsers apply {@code form-action} to the
 * redirects that follow a submission too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SecurityHeadersFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    /**
     * The admin API's browsable UI (swagger-ui) sets inline style attributes; only there are
     * inline styles allowed. Scripts stay {@code 'self'} everywhere.
     */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    static final String API_DOCS_PREFIX = "/admin/api/v1/docs/";
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";
    private static final String STATIC_PREFIX = "/static/";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** Sets the headers on {@code response}; also used for the errors Tomcat answers by itself. */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", path(request).startsWith(API_DOCS_PREFIX)
                ? API_DOCS_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
        if (!isStatic(request)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }

    // Error pages are rendered in a second dispatch; they need the headers as much as any page.
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static boolean isStatic(HttpServletRequest request) {
        return path(request).startsWith(STATIC_PREFIX);
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri == null ? "" : uri.substring(Math.min(uri.length(), request.getContextPath().length()));
    }
}
