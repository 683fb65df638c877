package dev.foyer.mfa.phone;

import dev.foyer.security.RateLimits;
import dev.foyer.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Enrollment attempts in the {@code phone_enrollment_attempt} table, scoped to the current tenant. */
@Repository
class JdbcEnrollmentAttempts implements EnrollmentAttempts {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    JdbcEnrollmentAttempts(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    private record Attempt(OffsetDateTime firstSentAt, OffsetDateTime verifiedAt) {
    }

    private record Unverified(int count, OffsetDateTime oldest) {
    }

    @Override
    public RateLimits.Decision admit(String clientIp, PhoneNumber number, int cap) {
        Instant now = clock.instant();
        OffsetDateTime since = at(now.minus(LOOK_BACK));
        Optional<Attempt> known = jdbc.sql("""
                        select first_sent_at, verified_at from phone_enrollment_attempt
                        where tenant_id = ? and client_ip = ? and phone_number = ?""")
                .params(TenantContext.currentId(), clientIp, number.e164())
                .query((rs, n) -> new Attempt(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .optional();
        if (known.isPresent() && (known.get().verifiedAt() != null || known.get().firstSentAt().isAfter(since))) {
            return new RateLimits.Decision(true, null);
        }
        Unverified counted = jdbc.sql("""
                        select count(*), min(first_sent_at) from phone_enrollment_attempt
                        where tenant_id = ? and client_ip = ? and verified_at is null and first_sent_at > ?""")
                .params(TenantContext.currentId(), clientIp, since)
                .query((rs, n) -> new Unverified(rs.getInt(1), rs.getObject(2, OffsetDateTime.class))).single();
        if (counted.count() >= cap) {
            Instant oldest = counted.oldest() == null ? now : counted.oldest().toInstant();
            return new RateLimits.Decision(false, oldest.plus(LOOK_BACK));
        }
        record(clientIp, number, now, known.isPresent());
        return new RateLimits.Decision(true, null);
    }

    /** Starts the number's 24 hours; a stale row starts them again. */
    private void record(String clientIp, PhoneNumber number, Instant now, boolean stale) {
        if (stale) {
            jdbc.sql("""
                            update phone_enrollment_attempt set first_sent_at = ?, verified_at = null
                            where tenant_id = ? and client_ip = ? and phone_number = ?""")
                    .params(at(now), TenantContext.currentId(), clientIp, number.e164()).update();
            return;
        }
        try {
            // A savepoint: on PostgreSQL a failed insert would otherwise abort the caller's transaction.
            savepoint.executeWithoutResult(status -> jdbc.sql("""
                            insert into phone_enrollment_attempt (tenant_id, client_ip, phone_number, first_sent_at)
                            values (?, ?, ?, ?)""")
                    .params(TenantContext.currentId(), clientIp, number.e164(), at(now)).update());
        } catch (DuplicateKeyException countedMeanwhile) {
            // Another journey from this address counted the same number first: it counts once.
        }
    }

    @Override
    public void verified(PhoneNumber number) {
        jdbc.sql("""
                        update phone_enrollment_attempt set verified_at = ?
                        where tenant_id = ? and phone_number = ? and verified_at is null""")
                .params(at(clock.instant()), TenantContext.currentId(), number.e164()).update();
    }

    @Scheduled(fixedDelayString = "${foyer.rate-limits.cleanup-interval:PT10M}")
    void deleteOld() {
        jdbc.sql("delete from phone_enrollment_attempt where first_sent_at < ?")
                .param(at(clock.instant().minus(LOOK_BACK.multipliedBy(2)))).update();
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
