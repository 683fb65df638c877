package dev.foyer.mfa.phone;

import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a user's phone methods made outside a journey (the admin API, later self-service),
 * each recorded in the audit log in the same transaction. The port stays a plain store.
 */
@Service
public class PhoneMethodAdministration {

    private final PhoneMethods phoneMethods;
    private final AuditLog audit;

    PhoneMethodAdministration(PhoneMethods phoneMethods, AuditLog audit) {
        this.phoneMethods = phoneMethods;
        this.audit = audit;
    }

    /**
     * Removes the user's phone method {@code methodId} and records {@code mfa.phoneRemoved} (with the
     * number masked) on behalf of {@code actor}, e.g. {@code admin:<objectId>}.
     *
     * @return whether the user had that method; when not, nothing changes and nothing is recorded
     */
    @Transactional
    public boolean remove(UUID objectId, UUID methodId, String actor) {
        Optional<PhoneMethod> method = phoneMethods.verified(objectId).stream()
                .filter(m -> m.id().equals(methodId)).findFirst();
        if (method.isEmpty()) {
            return false;
        }
        phoneMethods.delete(objectId, methodId);
        audit.record(new AuditRecord(AuditEvent.MFA_PHONE_REMOVED, actor, objectId, method.get().number().masked(),
                Map.of("methodId", methodId)));
        return true;
    }
}
