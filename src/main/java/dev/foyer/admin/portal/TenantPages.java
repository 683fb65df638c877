package dev.foyer.admin.portal;

import com.nimbusds.jose.jwk.JWK;
import dev.foyer.application.ApplicationRepository;
import dev.foyer.admin.access.AdminCaller;
import dev.foyer.admin.manage.KeyAdministration;
import dev.foyer.keys.SigningKeys;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;

/** A tenant's overview, its app registrations and its signing keys. */
@Controller
class TenantPages {

    private final PortalTenants tenants;
    private final ApplicationRepository applications;
    private final SigningKeys keys;
    private final KeyAdministration keyAdministration;

    TenantPages(PortalTenants tenants, ApplicationRepository applications, SigningKeys keys,
                KeyAdministration keyAdministration) {
        this.tenants = tenants;
        this.applications = applications;
        this.keys = keys;
        this.keyAdministration = keyAdministration;
    }

    /** A published signing key as the portal lists it. */
    record KeyRow(String kid, String algorithm, boolean active) {
    }

    @GetMapping("/admin/tenants/{tenant}")
    String tenant(@PathVariable String tenant, Model model) {
        model.addAttribute("tenant", tenants.get(tenant));
        return "admin/tenant";
    }

    @GetMapping("/admin/tenants/{tenant}/applications")
    String applications(@PathVariable String tenant, Model model) {
        Tenant t = tenants.get(tenant);
        model.addAttribute("tenant", t);
        model.addAttribute("applications", TenantContext.call(t, () -> applications.findAll().stream()
                .sorted(Comparator.comparing(a -> a.displayName().toLowerCase())).toList()));
        model.addAttribute("errors", java.util.Map.of());
        return "admin/applications";
    }

    @GetMapping("/admin/tenants/{tenant}/keys")
    String keys(@PathVariable String tenant, Model model) {
        Tenant t = tenants.get(tenant);
        model.addAttribute("tenant", t);
        model.addAttribute("keys", TenantContext.call(t, this::keyRows));
        return "admin/keys";
    }

    @PostMapping("/admin/tenants/{tenant}/keys/rotate")
    String rotate(@PathVariable String tenant, @RequestAttribute(PortalModel.CALLER) AdminCaller caller) {
        Tenant t = tenants.get(tenant);
        TenantContext.call(t, () -> keyAdministration.rotate(caller));
        return "redirect:/admin/tenants/" + t.name() + "/keys?rotated";
    }

    private List<KeyRow> keyRows() {
        String active = keys.activeKey().getKeyID();
        return keys.publicKeys().getKeys().stream()
                .map((JWK k) -> new KeyRow(k.getKeyID(), k.getAlgorithm() == null ? "RS256" : k.getAlgorithm().getName(),
                        k.getKeyID().equals(active)))
                .sorted(Comparator.comparing(KeyRow::active).reversed())
                .toList();
    }
}
