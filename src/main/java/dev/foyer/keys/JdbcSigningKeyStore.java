package dev.foyer.keys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.RSAKey;
import dev.foyer.secrets.SecretBox;
import dev.foyer.tenant.TenantContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps a key's public JWK readable in {@code jwk} and its private JWK only sealed, in
 * {@code sealed_private_jwk}. A row from before sealing (private JWK in {@code jwk}, nothing
 * sealed) is still read until {@link SigningKeySealing} seals it at the next start.
 */
@Repository
class JdbcSigningKeyStore implements SigningKeyStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PrivateKeySeal seal;

    JdbcSigningKeyStore(JdbcClient jdbc, PlatformTransactionManager transactionManager, SecretBox box) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.seal = new PrivateKeySeal(box);
    }

    @Override
    public List<StoredSigningKey> findPublished(Instant now) {
        return jdbc.sql("""
                        select tenant_id, kid, jwk, sealed_private_jwk, status, created_at, retire_until
                        from signing_key
                        where tenant_id = :tenant and (status = 'ACTIVE' or retire_until > :now)
                        order by status, created_at desc""")
                .param("tenant", TenantContext.currentId())
                .param("now", timestamp(now))
                .query(this::row)
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
                        insert into signing_key (tenant_id, kid, status, active_for, jwk, sealed_private_jwk,
                                                 created_at)
                        values (:tenant, :kid, 'ACTIVE', :tenant, :jwk, :sealed, :now)""")
                .param("tenant", tenant)
                .param("kid", key.getKeyID())
                .param("jwk", key.toPublicJWK().toJSONString())
                .param("sealed", seal.seal(tenant, key))
                .param("now", timestamp(now))
                .update();
    }

    private StoredSigningKey row(ResultSet rs, int rowNum) throws SQLException {
        OffsetDateTime retireUntil = rs.getObject("retire_until", OffsetDateTime.class);
        String sealed = rs.getString("sealed_private_jwk");
        RSAKey key = sealed == null
                ? PrivateKeySeal.parse(rs.getString("jwk"))
                : seal.open(rs.getObject("tenant_id", UUID.class), rs.getString("kid"), sealed);
        return new StoredSigningKey(
                key,
                StoredSigningKey.Status.valueOf(rs.getString("status")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                retireUntil == null ? null : retireUntil.toInstant());
    }

    // The PostgreSQL driver binds OffsetDateTime to timestamptz but not Instant.
    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
