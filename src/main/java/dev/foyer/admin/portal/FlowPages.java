package dev.foyer.admin.portal;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.ConflictException;
import dev.foyer.admin.manage.FlowAdministration;
import dev.foyer.admin.manage.InvalidInputException;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** A tenant's user flows: the list and a new flow. */
@Controller
class FlowPages {

    private final PortalTenants tenants;
    private final PortalFlows portalFlows;
    private final FlowAdministration flows;

    FlowPages(PortalTenants tenants, PortalFlows portalFlows, FlowAdministration flows) {
        this.tenants = tenants;
        this.portalFlows = portalFlows;
        this.flows = flows;
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows")
    String list(@PathVariable String tenant, Model model) {
        Tenant t = tenants.get(tenant);
        model.addAttribute("tenant", t);
        model.addAttribute("flows", TenantContext.call(t, () -> flows.list().stream()
                .sorted(Comparator.comparing(f -> f.name().toLowerCase())).toList()));
        model.addAttribute("types", PortalFlows.TYPES);
        return "admin/flows";
    }

    @GetMapping("/admin/tenants/{tenant}/userFlows/new")
    String newFlow(@PathVariable String tenant, Model model) {
        model.addAttribute("tenant", tenants.get(tenant));
        model.addAttribute("types", PortalFlows.TYPES);
        model.addAttribute("errors", Map.of());
        return "admin/flow-new";
    }

    @PostMapping("/admin/tenants/{tenant}/userFlows")
    String create(@PathVariable String tenant, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String type,
                  @RequestAttribute(PortalModel.CALLER) AdminCaller caller, Model model,
                  HttpServletResponse response) {
        Tenant t = tenants.get(tenant);
        model.addAttribute("tenant", t);
        model.addAttribute("types", PortalFlows.TYPES);
        model.addAttribute("name", name);
        model.addAttribute("type", type);
        try {
            UserFlow created = TenantContext.call(t, () -> flows.create(name, typeOf(type), caller));
            return "redirect:/admin/tenants/" + t.name() + "/userFlows/" + created.name() + "?created";
        } catch (InvalidInputException e) {
            response.setStatus(400);
            model.addAttribute("errors", e.fieldErrors());
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", Map.of("name", e.getMessage()));
        }
        return "admin/flow-new";
    }

    private static UserFlowType typeOf(String type) {
        try {
            return type == null || type.isBlank() ? null : UserFlowType.valueOf(type);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
