package dev.foyer.admin.portal;

import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditQuery;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A tenant's audit log, newest first, filtered by type, user and the last so many hours. */
@Controller
class AuditLogPage {

    private static final List<String> TYPES = List.of(AuditEvent.SIGN_IN_SUCCEEDED, AuditEvent.SIGN_IN_FAILED,
            AuditEvent.SIGN_UP_SUCCEEDED, AuditEvent.EMAIL_CODE_SENT, AuditEvent.EMAIL_CODE_VERIFIED,
            AuditEvent.EMAIL_CODE_FAILED, AuditEvent.MFA_CODE_SENT, AuditEvent.MFA_CODE_VERIFIED,
            AuditEvent.MFA_CODE_FAILED, AuditEvent.MFA_ENROLLED, AuditEvent.MFA_PHONE_REMOVED, AuditEvent.ADMIN_CHANGE);

    private final PortalTenants tenants;
    private final AuditLog audit;

    AuditLogPage(PortalTenants tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @GetMapping("/admin/tenants/{tenant}/auditLog")
    String auditLog(@PathVariable String tenant, @RequestParam(name = "type", required = false) String type,
                    @RequestParam(name = "user", required = false) String user,
                    @RequestParam(name = "hours", required = false) Integer hours, Model model) {
        Tenant t = tenants.get(tenant);
        AuditQuery query = AuditQuery.newest().limitedTo(200);
        if (type != null && TYPES.contains(type)) {
            query = query.ofType(type);
        }
        UUID userId = parse(user);
        if (userId != null) {
            query = query.forUser(userId);
        }
        if (hours != null && hours > 0 && hours <= 24 * 365) {
            query = query.since(Instant.now().minus(Duration.ofHours(hours)));
        }
        AuditQuery finalQuery = query;
        model.addAttribute("tenant", t);
        model.addAttribute("events", TenantContext.call(t, () -> audit.query(finalQuery)));
        model.addAttribute("types", TYPES);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("user", userId == null ? "" : userId.toString());
        model.addAttribute("userError", user != null && !user.isBlank() && userId == null
                ? "A user is named by object id (a GUID)." : null);
        model.addAttribute("hours", hours == null ? "" : hours.toString());
        return "admin/audit-log";
    }

    private static UUID parse(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
