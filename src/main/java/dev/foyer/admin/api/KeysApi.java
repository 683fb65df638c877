package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.KeyAdministration;
import dev.foyer.keys.PublishedKey;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /tenants/{tenant}/keys}: the published signing keys (no key material) and rotation. */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/keys")
class KeysApi {

    private final KeyAdministration keys;
    private final TenantScope scope;

    KeysApi(KeyAdministration keys, TenantScope scope) {
        this.keys = keys;
        this.scope = scope;
    }

    @GetMapping
    List<PublishedKey> list(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> keys.list(caller));
    }

    /** A new active key; the previous one stays published so tokens it signed still verify. */
    @PostMapping("/rotate")
    PublishedKey rotate(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> keys.rotate(caller));
    }
}
