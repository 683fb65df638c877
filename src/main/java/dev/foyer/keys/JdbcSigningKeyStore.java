package dev.foyer.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import dev.foyer.tenant.TenantContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Repository
class JdbcSigningKeyStore implements SigningKeyStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    JdbcSigningKeyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public List<StoredSigningKey> findPublished(Instant now) {
        return jdbc.sql("""
                        select jwk, status, created_at, retire_until from signing_key
                        where tenant_id = :tenant and (status = 'ACTIVE' or retire_until > :now)
                        order by status, created_at desc""")
                .param("tenant", TenantContext.currentId())
                .param("now", timestamp(now))
                .query(JdbcSigningKeyStore::row)
                .list();
    }

    @Override
    public boolean addFirstActive(RSAKey key, Instant now) {
        try {
            insertActive(TenantContext.currentId(), key, now);
            return true;
        } catch (DuplicateKeyException otherCallerWasFirst) {
            return false;
        }
    }

    @Override
    public boolean rotateTo(RSAKey key, Instant now, Instant retireUntil) {
        UUID tenant = TenantContext.currentId();
        try {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("""
                                update signing_key
                                set status = 'RETIRED', active_for = null,
                                    retired_at = :now, retire_until = :retireUntil
                                where tenant_id = :tenant and active_for = :tenant""")
                        .param("now", timestamp(now))
                        .param("retireUntil", timestamp(retireUntil))
                        .param("tenant", tenant)
                        .update();
                insertActive(tenant, key, now);
            });
            return true;
        } catch (DuplicateKeyException concurrentRotation) {
            return false;
        }
    }

    private void insertActive(UUID tenant, RSAKey key, Instant now) {
        jdbc.sql("""
                        insert into signing_key (tenant_id, kid, status, active_for, jwk, created_at)
                        values (:tenant, :kid, 'ACTIVE', :tenant, :jwk, :now)""")
                .param("tenant", tenant)
                .param("kid", key.getKeyID())
                .param("jwk", key.toJSONString())
                .param("now", timestamp(now))
                .update();
    }

    private static StoredSigningKey row(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime retireUntil = rs.getObject("retire_until", OffsetDateTime.class);
        return new StoredSigningKey(
                parse(rs.getString("jwk")),
                StoredSigningKey.Status.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                retireUntil == null ? null : retireUntil.toInstant());
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored signing key is not a valid RSA JWK", e);
        }
    }

    // The PostgreSQL driver binds OffsetDateTime to timestamptz but not Instant.
    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
