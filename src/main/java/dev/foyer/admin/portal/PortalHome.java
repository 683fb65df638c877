package dev.foyer.admin.portal;

import dev.foyer.admin.access.AdminPortalAccess;
import dev.foyer.admin.access.AdminSessions;
import dev.foyer.admin.access.SystemTenant;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.User;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** The portal's first page: who is signed in, and the tenants to manage. */
@Controller
class PortalHome {

    private final SystemTenant system;
    private final Accounts accounts;
    private final TenantRepository tenants;

    PortalHome(SystemTenant system, Accounts accounts, TenantRepository tenants) {
        this.system = system;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    @GetMapping("/admin")
    String home(@RequestAttribute(AdminPortalAccess.SESSION) AdminSessions.AdminSession session, Model model) {
        String admin = TenantContext.call(system.tenant(), () -> accounts.find(session.objectId())
                .flatMap(User::email).orElse("administrator"));
        model.addAttribute("admin", admin);
        model.addAttribute("csrfToken", session.csrfToken());
        model.addAttribute("tenants", tenants.findAll().stream()
                .filter(t -> !t.name().equals(SystemTenant.NAME)).toList());
        return "admin/home";
    }
}
