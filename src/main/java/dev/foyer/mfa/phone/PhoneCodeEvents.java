package dev.foyer.mfa.phone;

import dev.foyer.audit.AuditActor;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditRecord;
import dev.foyer.journey.StepContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What happens to phone codes, told twice: to the audit log (the number masked, never the code)
 * and to the metrics {@code foyer.mfa.challenges{method, outcome}} and, for refusals,
 * {@code foyer.rate_limit.refusals{limit}}.
 */
@Component
class PhoneCodeEvents {

    private final AuditLog audit;
    private final MeterRegistry meters;

    PhoneCodeEvents(AuditLog audit, MeterRegistry meters) {
        this.audit = audit;
        this.meters = meters;
    }

    void sent(StepContext context, UUID user, PhoneNumber number, String channel) {
        record(context, AuditEvent.MFA_CODE_SENT, user, number, Map.of("channel", channel));
        challenge(channel, "sent");
    }

    void verified(StepContext context, UUID user, PhoneNumber number, String channel) {
        record(context, AuditEvent.MFA_CODE_VERIFIED, user, number, Map.of("channel", channel));
        challenge(channel, "verified");
    }

    void failed(StepContext context, UUID user, PhoneNumber number, String channel, String reason) {
        record(context, AuditEvent.MFA_CODE_FAILED, user, number, Map.of("channel", channel, "reason", reason));
        challenge(channel, "failed");
    }

    /** A send refused by {@code limit} (e.g. {@code phone_number}): nothing was sent. */
    void refused(StepContext context, UUID user, PhoneNumber number, String channel, String limit) {
        record(context, AuditEvent.MFA_CODE_REFUSED, user, number, Map.of("reason", limit, "channel", channel));
        challenge(channel, "refused");
        Counter.builder("foyer.rate_limit.refusals").description("Requests refused by a rate limit, by limit")
                .tag("limit", limit).register(meters).increment();
    }

    void enrolled(StepContext context, UUID user, PhoneNumber number, UUID methodId) {
        record(context, AuditEvent.MFA_ENROLLED, user, number, Map.of("methodId", methodId));
    }

    /** The user replaced {@code from} by {@code to}; both masked, the new one as target. */
    void changed(StepContext context, UUID user, PhoneNumber from, PhoneNumber to, UUID methodId) {
        record(context, AuditEvent.MFA_PHONE_CHANGED, user, to, Map.of("from", from.masked(), "to", to.masked(),
                "methodId", methodId));
    }

    private void challenge(String channel, String outcome) {
        Counter.builder("foyer.mfa.challenges").description("MFA codes sent, verified, failed and refused")
                .tag("method", channel).tag("outcome", outcome).register(meters).increment();
    }

    /** Records an event of the phone step: the number only masked, never the code. */
    private void record(StepContext context, String type, UUID user, PhoneNumber number, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        if (!context.clientIp().isEmpty()) {
            all.put("ip", context.clientIp());
        }
        audit.record(new AuditRecord(type, AuditActor.user(user), user, number.masked(), all));
    }
}
