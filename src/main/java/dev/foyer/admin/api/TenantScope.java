package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.TenantAdministration;
import dev.foyer.tenant.TenantContext;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Runs an admin request inside the tenant named in its path (by name or GUID); unknown: 404. */
@Component
class TenantScope {

    private final TenantAdministration tenants;

    TenantScope(TenantAdministration tenants) {
        this.tenants = tenants;
    }

    <T> T call(String tenant, AdminCaller caller, Supplier<T> work) {
        return TenantContext.call(tenants.get(tenant, caller), work);
    }

    void run(String tenant, AdminCaller caller, Runnable work) {
        call(tenant, caller, () -> {
            work.run();
            return null;
        });
    }
}
