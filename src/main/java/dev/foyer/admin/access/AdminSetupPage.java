package dev.foyer.admin.access;

import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.PasswordPolicy;
import dev.foyer.tenant.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one-time setup link's page: creates the first administrator. */
@Controller
class AdminSetupPage {

    private static final String EXPIRED = "This setup link is not valid: it expired, was used already, or an"
            + " administrator exists. Sign in at /admin, or restart Foyer to print a new link.";

    private final SystemTenant system;
    private final AdminBootstrap bootstrap;

    AdminSetupPage(SystemTenant system, AdminBootstrap bootstrap) {
        this.system = system;
        this.bootstrap = bootstrap;
    }

    @GetMapping(AdminBootstrap.SETUP_PATH)
    String form(@RequestParam(name = "token", required = false) String token, Model model,
                HttpServletResponse response) {
        if (!TenantContext.call(system.tenant(), () -> bootstrap.setupTokenValid(token))) {
            response.setStatus(404);
            model.addAttribute("message", EXPIRED);
            return "admin/setup-done";
        }
        model.addAttribute("token", token);
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("email", "");
        return "admin/setup";
    }

    @PostMapping(AdminBootstrap.SETUP_PATH)
    String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
        String token = form.getOrDefault("token", "");
        return TenantContext.call(system.tenant(), () -> {
            if (!bootstrap.setupTokenValid(token)) {
                response.setStatus(404);
                model.addAttribute("message", EXPIRED);
                return "admin/setup-done";
            }
            String email = form.getOrDefault("email", "").strip();
            String password = form.getOrDefault("newPassword", "");
            Map<String, String> errors = new LinkedHashMap<>();
            if (email.length() > 256 || !EmailAddress.isValid(email)) {
                errors.put("email", "Please enter a valid email address.");
            }
            List<String> violations = PasswordPolicy.STRONG.violations(password);
            if (!violations.isEmpty()) {
                errors.put("newPassword", String.join(" ", violations));
            } else if (!password.equals(form.getOrDefault("reenterPassword", ""))) {
                errors.put("reenterPassword", "The passwords do not match.");
            }
            if (!errors.isEmpty()) {
                response.setStatus(400);
                model.addAttribute("token", token);
                model.addAttribute("email", email.length() > 256 ? "" : email);
                model.addAttribute("fieldErrors", errors);
                return "admin/setup";
            }
            bootstrap.completeSetup(token, email, password, "Administrator");
            model.addAttribute("message", "The administrator " + email + " is created. Sign in at /admin; you will"
                    + " be asked to add a phone for multi-factor authentication.");
            return "admin/setup-done";
        });
    }
}
