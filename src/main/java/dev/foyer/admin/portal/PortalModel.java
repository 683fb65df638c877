package dev.foyer.admin.portal;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.access.AdminPortalAccess;
import dev.foyer.admin.access.AdminSessions;
import dev.foyer.admin.access.SystemTenant;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.tenant.TenantContext;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every portal page shows in its header — the signed-in administrator and the CSRF token of
 * the session for its forms — and who the administrator is to the services they call.
 */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    static final String CALLER = "dev.foyer.admin.portal.Caller";

    private final SystemTenant system;
    private final Accounts accounts;

    PortalModel(SystemTenant system, Accounts accounts) {
        this.system = system;
        this.accounts = accounts;
    }

    @ModelAttribute
    void header(HttpServletRequest request, org.springframework.ui.Model model) {
        if (request.getAttribute(AdminPortalAccess.SESSION) instanceof AdminSessions.AdminSession session) {
            AdminCaller caller = caller(session);
            request.setAttribute(CALLER, caller);
            model.addAttribute("admin", caller.name());
            model.addAttribute("csrfToken", session.csrfToken());
        }
    }

    private AdminCaller caller(AdminSessions.AdminSession session) {
        String email = TenantContext.call(system.tenant(), () -> accounts.find(session.objectId())
                .flatMap(User::email).orElse("administrator"));
        return new AdminCaller(AdminCaller.Kind.ADMIN, session.objectId().toString(), email, false);
    }
}
