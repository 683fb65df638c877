package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.TenantAdministration;
import dev.foyer.tenant.Tenant;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /tenants}: list, create, read and rename tenants; {@code {tenant}} is a name or GUID. */
@RestController
@RequestMapping("/admin/api/v1/tenants")
class TenantsApi {

    private final TenantAdministration tenants;

    TenantsApi(TenantAdministration tenants) {
        this.tenants = tenants;
    }

    record TenantView(UUID id, String name, String displayName) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id(), tenant.name(), tenant.displayName());
        }
    }

    record TenantBody(String name, String displayName) implements JsonRequestBody {
    }

    @GetMapping
    List<TenantView> list(@RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return tenants.list(caller).stream().map(TenantView::of).toList();
    }

    @PostMapping
    ResponseEntity<TenantView> create(@RequestBody TenantBody body,
                                      @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        Tenant tenant = tenants.create(body.name(), body.displayName(), caller);
        return ResponseEntity.created(URI.create("/admin/api/v1/tenants/" + tenant.name())).body(TenantView.of(tenant));
    }

    @GetMapping("/{tenant}")
    TenantView get(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return TenantView.of(tenants.get(tenant, caller));
    }

    /** Only the display name changes; a tenant's name is in every URL and token issuer. */
    @PatchMapping("/{tenant}")
    TenantView update(@PathVariable String tenant, @RequestBody TenantBody body,
                      @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        Tenant current = tenants.get(tenant, caller);
        if (body.name() != null && !body.name().equals(current.name())) {
            throw dev.foyer.admin.manage.InvalidInputException.of("name", "A tenant's name cannot change.");
        }
        return TenantView.of(tenants.updateDisplayName(tenant, body.displayName(), caller));
    }
}
