package dev.foyer.admin.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import dev.foyer.security.OpaqueTokens;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards the portal's pages: without an administrator's session, a page request goes to sign-in;
 * a form post must carry the session's CSRF token. The session is available to controllers as the
 * request attribute {@link #SESSION}.
 */
@Component
public class AdminPortalAccess implements HandlerInterceptor {

    public static final String SESSION = "dev.foyer.admin.access.AdminSession";

    private final AdminSessions sessions;

    AdminPortalAccess(AdminSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        Optional<AdminSessions.AdminSession> session = sessions.current(request);
        if (session.isEmpty()) {
            if ("GET".equals(request.getMethod())) {
                response.sendRedirect(AdminSignIn.SIGN_IN_PATH);
            } else {
                response.sendError(403);
            }
            return false;
        }
        if (!"GET".equals(request.getMethod())
                && !OpaqueTokens.equal(session.get().csrfToken(), request.getParameter("csrf_token"))) {
            response.sendError(403);
            return false;
        }
        request.setAttribute(SESSION, session.get());
        return true;
    }
}
