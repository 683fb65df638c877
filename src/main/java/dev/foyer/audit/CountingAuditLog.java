package dev.foyer.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The audit log as the rest of Foyer uses it: every recorded event also counts in the metric
 * {@code foyer_events_total{type="signIn.failed"}} (sign-ins, codes sent and refused, MFA
 * enrollments, admin changes...), so dashboards and alerts need no log parsing.
 */
@Primary
@Component
class CountingAuditLog implements AuditLog {

    private final JdbcAuditLog log;
    private final MeterRegistry meters;

    CountingAuditLog(JdbcAuditLog log, MeterRegistry meters) {
        this.log = log;
        this.meters = meters;
    }

    @Override
    public void record(AuditRecord record) {
        log.record(record);
        Counter.builder("foyer.events").description("Security-relevant events, by type").tag("type", record.type())
                .register(meters).increment();
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        return log.query(query);
    }
}
