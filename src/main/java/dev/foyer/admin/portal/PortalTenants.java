package dev.foyer.admin.portal;

import dev.foyer.admin.access.SystemTenant;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantRepository;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tenants the portal manages: every tenant but the system tenant, whose administrators and
 * sign-in flow are not edited from the portal they guard.
 */
@Component
class PortalTenants {

    private final TenantRepository tenants;

    PortalTenants(TenantRepository tenants) {
        this.tenants = tenants;
    }

    List<Tenant> all() {
        return tenants.findAll().stream().filter(t -> !t.name().equals(SystemTenant.NAME)).toList();
    }

    /** The tenant named in a portal URL, or a 404. */
    Tenant get(String nameOrId) {
        return tenants.findByNameOrId(nameOrId).filter(t -> !t.name().equals(SystemTenant.NAME))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No tenant " + nameOrId));
    }
}
