package dev.foyer.localaccount;

import dev.foyer.audit.AuditActor;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
import dev.foyer.journey.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the local-account steps tell the audit log: the journey's user as actor and subject
 * (anonymous until one is identified) and the client address, within the submit's transaction.
 */
@Component
class AccountEvents {

    private final AuditLog audit;

    AccountEvents(AuditLog audit) {
        this.audit = audit;
    }

    void record(StepContext context, String type, String target) {
        record(context, type, target, Map.of());
    }

    void record(StepContext context, String type, String target, Map<String, Object> details) {
        UUID user = context.subject().orElse(null);
        Map<String, Object> all = new LinkedHashMap<>(details);
        if (!context.clientIp().isEmpty()) {
            all.put("ip", context.clientIp());
        }
        audit.record(new AuditRecord(type, user == null ? AuditActor.ANONYMOUS : AuditActor.user(user), user,
                target, all));
    }
}
