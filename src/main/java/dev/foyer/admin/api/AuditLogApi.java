package dev.foyer.admin.api;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditQuery;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantRepository;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log of a tenant, newest first: filter by time ({@code from} inclusive, {@code to}
 * exclusive, ISO-8601), user ({@code userId}), type; page with {@code before} (an event id) and
 * {@code limit} (1–1000, default 100). Read-only: the log is never changed through the API.
 */
@RestController
class AuditLogApi {

    private final TenantRepository tenants;
    private final AuditLog audit;

    AuditLogApi(TenantRepository tenants, AuditLog audit) {
        this.tenants = tenants;
        this.audit = audit;
    }

    @GetMapping("/admin/api/v1/tenants/{tenant}/auditLog")
    ResponseEntity<Object> query(@PathVariable String tenant, @RequestParam Map<String, String> params,
                                 @RequestAttribute(AdminCaller.ATTRIBUTE) AdminCaller caller) {
        Tenant found = tenants.findByNameOrId(tenant).orElse(null);
        if (found == null) {
            return ResponseEntity.status(404).body(Map.of("error", "not_found", "message", "No tenant " + tenant));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        AuditQuery query = AuditQuery.newest();
        try {
            if (params.containsKey("from")) {
                query = query.since(Instant.parse(params.get("from")));
            }
        } catch (DateTimeParseException e) {
            errors.put("from", "An ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
        try {
            if (params.containsKey("to")) {
                query = query.until(Instant.parse(params.get("to")));
            }
        } catch (DateTimeParseException e) {
            errors.put("to", "An ISO-8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
        try {
            if (params.containsKey("userId")) {
                query = query.forUser(UUID.fromString(params.get("userId")));
            }
            if (params.containsKey("before")) {
                query = query.olderThan(UUID.fromString(params.get("before")));
            }
        } catch (IllegalArgumentException e) {
            errors.put(params.containsKey("userId") ? "userId" : "before", "A GUID");
        }
        if (params.containsKey("type")) {
            query = query.ofType(params.get("type"));
        }
        try {
            if (params.containsKey("limit")) {
                query = query.limitedTo(Integer.parseInt(params.get("limit")));
            }
        } catch (IllegalArgumentException e) {
            errors.put("limit", "A number from 1 to " + AuditQuery.MAX_LIMIT);
        }
        if (!errors.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_input", "fields", errors));
        }
        AuditQuery finalQuery = query;
        try {
            List<AuditEvent> events = TenantContext.call(found, () -> audit.query(finalQuery));
            return ResponseEntity.ok(Map.of("events", events));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_input", "fields",
                    Map.of("query", e.getMessage())));
        }
    }
}
