package dev.foyer.lockout;

import dev.foyer.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lockout state of the current tenant's sign-in names, in the database so that every node
 * counts against the same state. A wrong password is one read-modify-write under the row's lock
 * (held until the caller's transaction ends), so failures on two nodes at once are both counted
 * and a lockout begins once.
 */
@Repository
class LockoutStore {

    private static final String COLUMNS =
            "sign_in_name, failures, lockouts, locked_until, last_failure_at, password_key, wrong_passwords";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    LockoutStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public Optional<LockoutState> find(String name) {
        return jdbc.sql("select " + COLUMNS + " from sign_in_lockout where tenant_id = ? and sign_in_name = ?")
                .params(TenantContext.currentId(), name)
                .query((rs, n) -> state(rs)).optional();
    }

    /** Of {@code names}, those locked at {@code now}, with the end of their lockout. */
    public Map<String, Instant> locked(Collection<String> names, Instant now) {
        Map<String, Instant> locked = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return locked;
        }
        List<Object> params = new ArrayList<>();
        params.add(TenantContext.currentId());
        params.add(utc(now));
        params.addAll(names);
        jdbc.sql("select sign_in_name, locked_until from sign_in_lockout where tenant_id = ? and locked_until > ?"
                        + " and sign_in_name in (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")")
                .params(params)
                .query((rs, n) -> Map.entry(rs.getString("sign_in_name"),
                        rs.getObject("locked_until", OffsetDateTime.class).toInstant()))
                .list().forEach(entry -> locked.put(entry.getKey(), entry.getValue()));
        return locked;
    }

    /**
     * Counts a wrong password for {@code name}, in the caller's transaction: the count commits with
     * the answer the sign-in gives. (A sign-in whose transaction rolls back, e.g. because another
     * request moved its journey on first, shows nobody whether its password was right.) Taking no
     * second connection, many sign-ins at once cannot exhaust the pool waiting for each other.
     */
    @Transactional
    public LockoutState.Failure recordWrongPassword(String name, CharSequence password, Instant now,
                                                    LockoutSettings settings, Duration forgetAfter) {
        Optional<LockoutState> current = lockRow(name);
        if (current.isEmpty()) {
            LockoutState.Failure first = LockoutState.fresh().afterWrongPassword(password, now, settings, forgetAfter);
            try {
                // A savepoint: on PostgreSQL a failed insert would otherwise abort the whole transaction.
                savepoint.executeWithoutResult(status -> insert(name, first.after()));
                return first;
            } catch (DuplicateKeyException e) {
                current = Optional.of(lockRow(name).orElseThrow(() -> e));
            }
        }
        LockoutState.Failure failure = current.get().afterWrongPassword(password, now, settings, forgetAfter);
        if (failure.effect() != LockoutState.Effect.REPEATED) {
            update(name, failure.after());
        }
        return failure;
    }

    /** Forgets the state of {@code names}; the number of names that had one. */
    @Transactional
    public int clear(Collection<String> names) {
        int cleared = 0;
        for (String name : names) {
            cleared += jdbc.sql("delete from sign_in_lockout where tenant_id = ? and sign_in_name = ?")
                    .params(TenantContext.currentId(), name).update();
        }
        return cleared;
    }

    /** In every tenant: names with no wrong password since {@code cutoff} and no lockout running. */
    public int deleteForgotten(Instant cutoff, Instant now) {
        return jdbc.sql("delete from sign_in_lockout where last_failure_at < ?"
                        + " and (locked_until is null or locked_until <= ?)")
                .params(utc(cutoff), utc(now)).update();
    }

    private Optional<LockoutState> lockRow(String name) {
        return jdbc.sql("select " + COLUMNS + " from sign_in_lockout where tenant_id = ? and sign_in_name = ?"
                        + " for update")
                .params(TenantContext.currentId(), name)
                .query((rs, n) -> state(rs)).optional();
    }

    private void insert(String name, LockoutState state) {
        jdbc.sql("insert into sign_in_lockout (tenant_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(TenantContext.currentId(), name, state.failures(), state.lockouts(), utc(state.lockedUntil()),
                        utc(state.lastFailureAt()), state.recent().key(), state.recent().macs())
                .update();
    }

    private void update(String name, LockoutState state) {
        jdbc.sql("update sign_in_lockout set failures = ?, lockouts = ?, locked_until = ?, last_failure_at = ?,"
                        + " password_key = ?, wrong_passwords = ? where tenant_id = ? and sign_in_name = ?")
                .params(state.failures(), state.lockouts(), utc(state.lockedUntil()), utc(state.lastFailureAt()),
                        state.recent().key(), state.recent().macs(), TenantContext.currentId(), name)
                .update();
    }

    private static LockoutState state(ResultSet rs) throws SQLException {
        OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
        return new LockoutState(rs.getInt("failures"), rs.getInt("lockouts"),
                lockedUntil == null ? null : lockedUntil.toInstant(),
                rs.getObject("last_failure_at", OffsetDateTime.class).toInstant(),
                WrongPasswords.parse(rs.getString("password_key"), rs.getString("wrong_passwords")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
