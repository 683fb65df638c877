package dev.foyer.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.foyer.tenant.TenantContext;

/**
 * JDBC adapter for {@link ClientSecrets}. Secrets are 256 random bits, so a single SHA-256 is
 * enough to keep them unusable if the database leaks; a slow password hash would only cost time
 * on every token request. Secrets expire after {@code foyer.applications.client-secret-lifetime}
 * (180 days unless configured, as B2C recommends).
 */
@Repository
class JdbcClientSecrets implements ClientSecrets {

    private static final String HASH_PREFIX = "sha256:";
    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = 3;

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    JdbcClientSecrets(JdbcClient jdbc,
                      @Value("${foyer.applications.client-secret-lifetime:P180D}") Duration lifetime) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
    }

    @Override
    public IssuedSecret issue(UUID clientId) {
        String type = jdbc.sql("select app_type from application where tenant_id = :tenant and client_id = :clientId")
                .param("tenant", TenantContext.currentId())
                .param("clientId", clientId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("No application " + clientId + " in this tenant."));
        if (!ApplicationType.valueOf(type).isConfidential()) {
            throw new IllegalArgumentException("Only web applications can have client secrets.");
        }
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        IssuedSecret issued = new IssuedSecret(UUID.randomUUID(), secret, secret.substring(0, HINT_LENGTH));
        Instant now = Instant.now();
        jdbc.sql("""
                insert into client_secret (id, client_id, secret_hash, hint, created_at, expires_at)
                values (:id, :clientId, :hash, :hint, :createdAt, :expiresAt)""")
                .param("id", issued.secretId())
                .param("clientId", clientId)
                .param("hash", hash(secret))
                .param("hint", issued.hint())
                .param("createdAt", utc(now))
                .param("expiresAt", utc(now.plus(lifetime)))
                .update();
        return issued;
    }

    @Override
    public boolean verify(UUID clientId, String presentedSecret) {
        if (clientId == null || presentedSecret == null || presentedSecret.isEmpty()) {
            return false;
        }
        List<String> hashes = jdbc.sql("""
                select s.secret_hash
                  from client_secret s
                  join application a on a.client_id = s.client_id
                 where a.tenant_id = :tenant and s.client_id = :clientId
                   and s.revoked_at is null and (s.expires_at is null or s.expires_at > :now)""")
                .param("tenant", TenantContext.currentId())
                .param("clientId", clientId)
                .param("now", utc(Instant.now()))
                .query(String.class)
                .list();
        byte[] presented = hash(presentedSecret).getBytes(StandardCharsets.US_ASCII);
        boolean matched = false;
        for (String stored : hashes) {
            // No early exit: the time taken does not depend on which secret matched.
            matched |= MessageDigest.isEqual(presented, stored.getBytes(StandardCharsets.US_ASCII));
        }
        return matched;
    }

    @Override
    public List<ClientSecret> list(UUID clientId) {
        return jdbc.sql("""
                select s.id, s.hint, s.created_at, s.expires_at, s.revoked_at
                  from client_secret s
                  join application a on a.client_id = s.client_id
                 where a.tenant_id = :tenant and s.client_id = :clientId
                 order by s.created_at, s.id""")
                .param("tenant", TenantContext.currentId())
                .param("clientId", clientId)
                .query((rs, row) -> new ClientSecret(rs.getObject("id", UUID.class), rs.getString("hint"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        java.util.Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null),
                        rs.getObject("revoked_at", OffsetDateTime.class) != null))
                .list();
    }

    @Override
    public void revoke(UUID secretId) {
        jdbc.sql("""
                update client_secret set revoked_at = :now
                 where id = :id and revoked_at is null
                   and client_id in (select client_id from application where tenant_id = :tenant)""")
                .param("now", utc(Instant.now()))
                .param("id", secretId)
                .param("tenant", TenantContext.currentId())
                .update();
    }

    private static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HASH_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
