package dev.foyer.tenant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the tenant named by the first path segment ({@code /contoso/...}, {@code /{guid}/...} or
 * {@code /contoso.onmicrosoft.com/...}) in
 * scope for the request. Requests whose first segment is no tenant run without one; endpoints that
 * need a tenant answer 404 then.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TenantFilter extends OncePerRequestFilter {

    /** Apps written for B2C name the tenant {@code contoso.onmicrosoft.com}; that is {@code contoso} here. */
    private static final String B2C_DOMAIN = ".onmicrosoft.com";

    private final TenantRepository tenants;

    TenantFilter(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Tenant> tenant = firstSegment(request.getRequestURI()).flatMap(tenants::findByNameOrId);
        if (tenant.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        try (TenantContext.Scope ignored = TenantContext.open(tenant.get())) {
            chain.doFilter(request, response);
        }
    }

    static Optional<String> firstSegment(String uri) {
        if (uri == null || uri.length() < 2) {
            return Optional.empty();
        }
        int end = uri.indexOf('/', 1);
        String segment = end < 0 ? uri.substring(1) : uri.substring(1, end);
        if (segment.regionMatches(true, Math.max(0, segment.length() - B2C_DOMAIN.length()), B2C_DOMAIN, 0,
                B2C_DOMAIN.length()) && segment.length() > B2C_DOMAIN.length()) {
            segment = segment.substring(0, segment.length() - B2C_DOMAIN.length());
        }
        return segment.isEmpty() || segment.length() > 64 ? Optional.empty() : Optional.of(segment);
    }
}
