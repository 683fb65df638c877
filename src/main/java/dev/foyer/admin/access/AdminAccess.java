package dev.foyer.admin.access;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.application.ApiPermissions;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.oidc.BearerTokens;
import dev.foyer.tenant.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Guards {@code /admin/api/**}: a Bearer access token of the system tenant's {@code B2C_1_admin}
 * flow — an application's client-credentials token with scope {@code foyer.admin} (or
 * {@code foyer.admin.read}: reads only), or an administrator's token proving MFA. Anything else is
 * 401 (no or invalid token) or 403 (a valid token without the right).
 */
@Component
public class AdminAccess implements HandlerInterceptor {

    public static final String SCOPE = "foyer.admin";
    public static final String READ_SCOPE = "foyer.admin.read";

    private final SystemTenant system;
    private final BearerTokens tokens;
    private final ApplicationRepository applications;
    private final ApiPermissions permissions;
    private final Accounts accounts;

    AdminAccess(SystemTenant system, BearerTokens tokens, ApplicationRepository applications,
                ApiPermissions permissions, Accounts accounts) {
        this.system = system;
        this.tokens = tokens;
        this.applications = applications;
        this.permissions = permissions;
        this.accounts = accounts;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return deny(response, 401, "invalid_token", "An access token of the system tenant's admin flow is required.");
        }
        Optional<JWTClaimsSet> claims = TenantContext.call(system.tenant(),
                () -> tokens.verifyAccessToken(header.substring(7).strip(), SystemTenant.FLOW, request));
        if (claims.isEmpty()) {
            return deny(response, 401, "invalid_token", "The access token is invalid, expired, or not issued by the"
                    + " system tenant's admin flow.");
        }
        Optional<AdminCaller> caller = TenantContext.call(system.tenant(), () -> caller(claims.get()));
        if (caller.isEmpty()) {
            return deny(response, 403, "insufficient_scope", "Administrators must sign in with multi-factor"
                    + " authentication; applications need the scope " + SCOPE + ".");
        }
        boolean write = !Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod());
        if (write && caller.get().readOnly()) {
            return deny(response, 403, "insufficient_scope", "The scope " + READ_SCOPE + " allows reading only.");
        }
        request.setAttribute(AdminCaller.ATTRIBUTE, caller.get());
        return true;
    }

    private Optional<AdminCaller> caller(JWTClaimsSet claims) {
        try {
            List<String> amr = claims.getStringListClaim("amr");
            if (amr != null) {
                if (!amr.contains("mfa")) {
                    return Optional.empty();
                }
                return accounts.find(UUID.fromString(claims.getSubject())).filter(User::enabled)
                        .map(u -> new AdminCaller(AdminCaller.Kind.ADMIN, u.objectId().toString(),
                                u.email().orElse(u.objectId().toString()), false));
            }
            List<String> scopes = Arrays.asList(Optional.ofNullable(claims.getStringClaim("scp")).orElse("").split(" "));
            Optional<Application> app = applications.findByClientId(claims.getSubject());
            if (app.isEmpty()) {
                return Optional.empty();
            }
            Set<String> granted = permissions.of(app.get().clientId());
            if (scopes.contains(SCOPE) && granted.contains(SCOPE)) {
                return Optional.of(new AdminCaller(AdminCaller.Kind.CLIENT, app.get().clientId().toString(),
                        app.get().displayName(), false));
            }
            if (scopes.contains(READ_SCOPE) && granted.contains(READ_SCOPE)) {
                return Optional.of(new AdminCaller(AdminCaller.Kind.CLIENT, app.get().clientId().toString(),
                        app.get().displayName(), true));
            }
            return Optional.empty();
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean deny(HttpServletResponse response, int status, String error, String description)
            throws IOException {
        response.setStatus(status);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error + "\"");
        response.setContentType("application/json");
        response.getWriter().write("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
        return false;
    }
}
