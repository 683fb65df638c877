package dev.foyer.admin.manage;

import dev.foyer.admin.access.AdminCaller;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every administrator's change in the current tenant's audit log: who, what, before and
 * after, in the transaction of the change itself.
 */
@Component
public class AdminChanges {

    private final AuditLog audit;
    private final JsonMapper json;

    AdminChanges(AuditLog audit, JsonMapper json) {
        this.audit = audit;
        this.json = json;
    }

    /**
     * @param resource e.g. {@code userFlow}, {@code application}
     * @param action   e.g. {@code create}, {@code update}, {@code delete}
     * @param target   what was changed, e.g. the flow's name
     * @param before   the resource before (null when created); never secrets
     * @param after    the resource after (null when deleted); never secrets
     */
    public void record(AdminCaller caller, String resource, String action, String target, Object before, Object after) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("resource", resource);
        details.put("action", action);
        details.put("before", plain(before));
        details.put("after", plain(after));
        audit.record(new AuditRecord(AuditEvent.ADMIN_CHANGE, caller.actor(), null, target, details));
    }

    /** The value as plain JSON (maps, lists, strings, numbers), as the audit log stores it. */
    private Object plain(Object value) {
        return value == null ? null : json.convertValue(value, Object.class);
    }
}
