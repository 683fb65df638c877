package dev.foyer.admin.portal;

import dev.foyer.admin.manage.FlowAdministration;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** Finds the flow a portal URL names and puts what every tab of a flow's page shows into the model. */
@Component
class PortalFlows {

    /** The types of user flow as B2C's portal names them, in its order. */
    static final Map<UserFlowType, String> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put(UserFlowType.SIGN_UP_OR_SIGN_IN, "Sign up and sign in");
        TYPES.put(UserFlowType.SIGN_UP, "Sign up");
        TYPES.put(UserFlowType.SIGN_IN, "Sign in");
        TYPES.put(UserFlowType.PROFILE_EDITING, "Profile editing");
        TYPES.put(UserFlowType.PASSWORD_RESET, "Password reset");
    }

    private final PortalTenants tenants;
    private final FlowAdministration administration;

    PortalFlows(PortalTenants tenants, FlowAdministration administration) {
        this.tenants = tenants;
        this.administration = administration;
    }

    /** The tenant and the flow of a flow page, or a 404. */
    record Target(Tenant tenant, UserFlow flow) {
    }

    Target get(String tenant, String flow) {
        Tenant t = tenants.get(tenant);
        try {
            return new Target(t, TenantContext.call(t, () -> administration.get(flow)));
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        }
    }

    /** Fills what the header and tabs of a flow's page need; {@code tab} names the current one. */
    static void describe(Target target, String tab, Model model) {
        model.addAttribute("tenant", target.tenant());
        model.addAttribute("flow", target.flow());
        model.addAttribute("typeLabel", TYPES.get(target.flow().type()));
        model.addAttribute("tab", tab);
        model.addAttribute("flowPath", "/admin/tenants/" + target.tenant().name() + "/userFlows/"
                + target.flow().name());
    }
}
