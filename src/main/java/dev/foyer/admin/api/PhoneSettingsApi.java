package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.PhoneSettingsAdministration;
import dev.foyer.mfa.phone.PhoneCodeLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /tenants/{tenant}/settings/phone}: where SMS and voice codes may go and how many — read
 * the limits in force, or replace the tenant's own (fields left out follow the server's defaults).
 */
@RestController
@RequestMapping("/admin/api/v1/tenants/{tenant}/settings/phone")
class PhoneSettingsApi {

    private final PhoneSettingsAdministration phone;
    private final TenantScope scope;

    PhoneSettingsApi(PhoneSettingsAdministration phone, TenantScope scope) {
        this.phone = phone;
        this.scope = scope;
    }

    @GetMapping
    PhoneCodeLimits get(@PathVariable String tenant, @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> phone.get(caller));
    }

    @PutMapping
    PhoneCodeLimits replace(@PathVariable String tenant, @RequestBody PhoneCodeLimits body,
                            @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        return scope.call(tenant, caller, () -> phone.replace(body, caller));
    }
}
