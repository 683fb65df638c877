package dev.foyer.admin.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's first page: the tenants to manage. */
@Controller
class PortalHome {

    private final PortalTenants tenants;

    PortalHome(PortalTenants tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/admin")
    String home(Model model) {
        model.addAttribute("tenants", tenants.all());
        model.addAttribute("errors", java.util.Map.of());
        return "admin/home";
    }

    @GetMapping("/admin/tenants")
    String tenants() {
        return "redirect:/admin";
    }
}
