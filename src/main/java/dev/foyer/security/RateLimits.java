package dev.foyer.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fixed-window rate limits held in the database, so every node counts against the same cap. A hit
 * is one conditional update (or the insert that opens the window): two nodes cannot both take the
 * last unit.
 */
@Component
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    public RateLimits(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The outcome of a hit: allowed, or refused until {@code retryAfter}. */
    public record Decision(boolean allowed, Instant retryAfter) {
    }

    /**
     * Counts one hit on {@code bucket} unless it already has {@code limit} hits in the current
     * window. Runs in its own transaction so the count holds even if the caller rolls back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Decision hit(String bucket, int limit, Duration window) {
        return count(bucket, limit, window);
    }

    /**
     * Counts one hit on {@code bucket} in the caller's transaction: the hit stands only if the
     * caller commits, and the bucket's row stays locked until then, so callers on one bucket take
     * turns. For callers already holding a connection in a transaction (a journey step): {@link #hit}
     * would need a second connection for each, and enough concurrent callers would take the whole
     * pool and wait on each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Decision take(String bucket, int limit, Duration window) {
        return count(bucket, limit, window);
    }

    private Decision count(String bucket, int limit, Duration window) {
        Instant start = windowStart(window);
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(start, ZoneOffset.UTC);
        Decision refused = new Decision(false, start.plus(window));
        if (increment(bucket, windowStart, limit)) {
            return new Decision(true, null);
        }
        if (limit <= 0) {
            return refused;
        }
        try {
            // A savepoint: on PostgreSQL a failed insert would otherwise abort the whole transaction.
            savepoint.executeWithoutResult(status -> jdbc
                    .sql("insert into rate_limit_window (bucket, window_start, hits) values (?, ?, 1)")
                    .params(bucket, windowStart).update());
            return new Decision(true, null);
        } catch (DuplicateKeyException e) {
            return increment(bucket, windowStart, limit) ? new Decision(true, null) : refused;
        }
    }

    /**
     * Whether {@code bucket} still has room under {@code limit} in the current window, without
     * counting a hit: for limits that count only some outcomes (e.g. failed sign-ins), checked
     * before the work and hit after it.
     */
    public Decision check(String bucket, int limit, Duration window) {
        Instant start = windowStart(window);
        int hits = jdbc.sql("select hits from rate_limit_window where bucket = ? and window_start = ?")
                .params(bucket, OffsetDateTime.ofInstant(start, ZoneOffset.UTC))
                .query(Integer.class).optional().orElse(0);
        return hits < limit ? new Decision(true, null) : new Decision(false, start.plus(window));
    }

    private Instant windowStart(Duration window) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(clock.instant().toEpochMilli() / size * size);
    }

    private boolean increment(String bucket, OffsetDateTime windowStart, int limit) {
        return jdbc.sql("update rate_limit_window set hits = hits + 1 where bucket = ? and window_start = ?"
                        + " and hits < ?")
                .params(bucket, windowStart, limit).update() == 1;
    }

    @Scheduled(fixedDelayString = "${foyer.rate-limits.cleanup-interval:PT10M}")
    void deleteOldWindows() {
        jdbc.sql("delete from rate_limit_window where window_start < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(Duration.ofDays(2)), ZoneOffset.UTC)).update();
    }
}
