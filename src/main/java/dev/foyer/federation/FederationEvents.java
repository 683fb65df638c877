package dev.foyer.federation;

import dev.foyer.audit.AuditActor;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
import dev.foyer.journey.StepContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the federated sign-in steps tell the audit log: the journey's user (anonymous until one is
 * identified), the provider's name and the client address, within the step's transaction. The
 * target is the provider's name, never upstream text.
 */
@Component
class FederationEvents {

    /** A federated identity was linked to an existing local account after its password was proven. */
    static final String IDENTITY_LINKED = "identity.linked";

    private final AuditLog audit;

    FederationEvents(AuditLog audit) {
        this.audit = audit;
    }

    void record(StepContext context, String type, IdentityProvider provider, Map<String, Object> details) {
        UUID user = context.subject().orElse(null);
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("identityProvider", provider.name());
        if (!context.clientIp().isEmpty()) {
            all.put("ip", context.clientIp());
        }
        audit.record(new AuditRecord(type, user == null ? AuditActor.ANONYMOUS : AuditActor.user(user), user,
                provider.name(), all));
    }
}
