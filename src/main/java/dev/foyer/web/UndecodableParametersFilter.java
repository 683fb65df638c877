package dev.foyer.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose query or form has a parameter that is not valid UTF-8 (an overlong
 * {@code %C0%AF}, a lone {@code %FF}) with 400, before any endpoint sees it. Tomcat throws when
 * such a parameter is first read — often while Spring is still choosing the handler — which
 * otherwise ends as an error logged with its stack trace, and at a token endpoint as a body its
 * clients cannot read. Token endpoints get an RFC 6749 error; everything else a plain 400. A form
 * over the post size limit fails the same way and gets the plain 413 error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UndecodableParametersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (InvalidParameterException e) {
            if (e.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                // A form over the post size limit: the plain 413 error page, like every other limit.
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().endsWith("/oauth2/v2.0/token")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"error\":\"invalid_request\",\"error_description\":"
                    + "\"The request has a parameter that is not valid UTF-8.\"}");
        } else {
            response.setContentType("text/plain");
            response.getWriter().write("The request has a parameter that is not valid UTF-8.");
        }
    }
}
