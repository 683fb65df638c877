package dev.foyer.mfa.phone;

import dev.foyer.tenant.TenantContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Phone methods in the {@code phone_method} table, scoped to the current tenant. */
@Repository
class JdbcPhoneMethods implements PhoneMethods {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    JdbcPhoneMethods(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public List<PhoneMethod> verified(UUID objectId) {
        return jdbc.sql("select id, phone_number, verified_at from phone_method where tenant_id = ? and object_id = ?"
                        + " order by verified_at, id")
                .params(TenantContext.currentId(), objectId)
                .query((rs, n) -> new PhoneMethod(rs.getObject("id", UUID.class),
                        PhoneNumber.ofE164(rs.getString("phone_number")),
                        rs.getObject("verified_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Two journeys of one user may prove the same number at once: the unique key on (user, number)
     * lets one insert win, and the other gets the winner's method. The insert runs in a savepoint,
     * because on PostgreSQL a failed insert would otherwise abort the caller's transaction.
     */
    @Override
    public PhoneMethod attach(UUID objectId, PhoneNumber number) {
        return find(objectId, number).orElseGet(() -> {
            PhoneMethod method = new PhoneMethod(UUID.randomUUID(), number, clock.instant());
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("""
                        insert into phone_method (id, tenant_id, object_id, phone_number, verified_at)
                        select ?, ?, object_id, ?, ? from directory_user where object_id = ? and tenant_id = ?""")
                        .params(method.id(), TenantContext.currentId(), number.e164(),
                                OffsetDateTime.ofInstant(method.verifiedAt(), ZoneOffset.UTC), objectId,
                                TenantContext.currentId())
                        .update());
                return method;
            } catch (DuplicateKeyException attachedMeanwhile) {
                return find(objectId, number).orElseThrow(() -> attachedMeanwhile);
            }
        });
    }

    private Optional<PhoneMethod> find(UUID objectId, PhoneNumber number) {
        return verified(objectId).stream().filter(m -> m.number().equals(number)).findFirst();
    }

    @Override
    public void delete(UUID objectId, UUID methodId) {
        jdbc.sql("delete from phone_method where tenant_id = ? and object_id = ? and id = ?")
                .params(TenantContext.currentId(), objectId, methodId).update();
    }
}
