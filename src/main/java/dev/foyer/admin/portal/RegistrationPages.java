package dev.foyer.admin.portal;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.ApplicationAdministration;
import dev.foyer.admin.manage.ConflictException;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.admin.manage.TenantAdministration;
import dev.foyer.application.Application;
import dev.foyer.application.IssuedSecret;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Creating things from the portal: a tenant, an app registration, a client secret (shown once),
 * and removing a registration. Validation and audit come from the same services as the API's.
 */
@Controller
class RegistrationPages {

    private final PortalTenants tenants;
    private final TenantAdministration tenantAdministration;
    private final ApplicationAdministration applications;

    RegistrationPages(PortalTenants tenants, TenantAdministration tenantAdministration,
                      ApplicationAdministration applications) {
        this.tenants = tenants;
        this.tenantAdministration = tenantAdministration;
        this.applications = applications;
    }

    @PostMapping("/admin/tenants")
    String createTenant(@RequestParam(required = false) String name, @RequestParam(required = false) String displayName,
                        @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                        HttpServletResponse response) {
        try {
            Tenant created = tenantAdministration.create(name, displayName, caller);
            return "redirect:/admin/tenants/" + created.name() + "?created";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", Map.of("name", e.getMessage()));
        }
        model.addAttribute("tenants", tenants.all());
        model.addAttribute("newName", name);
        model.addAttribute("newDisplayName", displayName);
        return "admin/home";
    }

    @PostMapping("/admin/tenants/{tenant}/applications")
    String register(@PathVariable String tenant, @RequestParam(required = false) String displayName,
                    @RequestParam(required = false) String type, @RequestParam(required = false) String redirectUris,
                    @RequestParam(required = false) String logoutUrl,
                    @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                    HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        List<String> uris = redirectUris == null ? List.of() : Arrays.stream(redirectUris.split("\\R"))
                .map(String::strip).filter(u -> !u.isEmpty()).toList();
        try {
            Application created = TenantContext.call(t, () -> applications.register(
                    new ApplicationAdministration.ApplicationInput(displayName, type, uris, logoutUrl), caller));
            return "redirect:/admin/tenants/" + t.name() + "/applications?registered=" + created.clientId();
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
        }
        model.addAttribute("newApp", Map.of("displayName", nullToEmpty(displayName), "type", nullToEmpty(type),
                "redirectUris", nullToEmpty(redirectUris), "logoutUrl", nullToEmpty(logoutUrl)));
        return applicationsPage(t, model);
    }

    @PostMapping("/admin/tenants/{tenant}/applications/{clientId}/secrets")
    String newSecret(@PathVariable String tenant, @PathVariable String clientId,
                     @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                     HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        try {
            IssuedSecret secret = TenantContext.call(t, () -> applications.createSecret(clientId, caller));
            model.addAttribute("newSecret", secret.secret());
            model.addAttribute("newSecretFor", clientId);
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("pageError", String.join(" ", e.fieldErrors().values()));
        }
        return applicationsPage(t, model);
    }

    @PostMapping("/admin/tenants/{tenant}/applications/{clientId}/delete")
    String delete(@PathVariable String tenant, @PathVariable String clientId,
                  @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                  HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        try {
            TenantContext.run(t, () -> applications.delete(clientId, caller));
            return "redirect:/admin/tenants/" + t.name() + "/applications?deleted";
        } catch (ConflictException | NoSuchElementException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 404);
            model.addAttribute("pageError", e.getMessage());
        }
        return applicationsPage(t, model);
    }

    private String applicationsPage(Tenant t, Model model) {
        model.addAttribute("tenant", t);
        model.addAttribute("applications", TenantContext.call(t, () -> applications.list(null).stream()
                .sorted(Comparator.comparing(a -> a.displayName().toLowerCase())).toList()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "admin/applications";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
