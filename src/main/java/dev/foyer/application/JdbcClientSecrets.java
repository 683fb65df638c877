package dev.foyer.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.foyer.tenant.ReadCache;
import dev.foyer.tenant.ReadCaches;
import dev.foyer.tenant.TenantContext;

/**
 * JDBC adapter for {@link ClientSecrets}. Secrets are 256 random bits, so a single SHA-256 is
 * enough to keep them unusable if the database leaks; a slow password hash would only cost time
 * on every token request. Secrets expire after {@code foyer.applications.client-secret-lifetime}
 * (180 days unless configured, as B2C recommends). Every token request of a web application
 * checks one, so a client's live secrets are read through a short-lived {@link ReadCache}. A secret
 * issued anywhere is good at once (one the cached list lacks is looked up), one revoked here is
 * refused at once and one revoked on another node within the cache's TTL; expiry is decided at
 * each check.
 */
@Repository
class JdbcClientSecrets implements ClientSecrets {

    private static final String HASH_PREFIX = "sha256:";
    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = 3;

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final Clock clock;
    private final ReadCache<Key, List<LiveSecret>> live;
    private final SecureRandom random = new SecureRandom();

    JdbcClientSecrets(JdbcClient jdbc,
                      @Value("${foyer.applications.client-secret-lifetime:P180D}") Duration lifetime,
                      Clock clock, ReadCaches caches) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
        this.clock = clock;
        this.live = caches.create();
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
        Instant now = clock.instant();
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
        live.invalidateAll();
        return issued;
    }

    @Override
    public boolean verify(UUID clientId, String presentedSecret) {
        if (clientId == null || presentedSecret == null || presentedSecret.isEmpty()) {
            return false;
        }
        Key key = new Key(TenantContext.currentId(), clientId);
        byte[] presented = hash(presentedSecret).getBytes(StandardCharsets.US_ASCII);
        Instant now = clock.instant();
        boolean[] read = {false};
        List<LiveSecret> known = live.get(key, k -> {
            read[0] = true;
            return load(k);
        }).orElse(List.of());
        if (matches(known, presented, now)) {
            return true;
        }
        // Not among the secrets this node had read: one issued on another node since then is good at once.
        return !read[0] && matches(load(key).orElse(List.of()), presented, now);
    }

    private static boolean matches(List<LiveSecret> secrets, byte[] presented, Instant now) {
        boolean matched = false;
        for (LiveSecret secret : secrets) {
            // No early exit: the time taken does not depend on which secret matched.
            matched |= MessageDigest.isEqual(presented, secret.hash()) & secret.isValidAt(now);
        }
        return matched;
    }

    /** The client's unrevoked secrets, expired ones included: a cached list must not outlive them. */
    private Optional<List<LiveSecret>> load(Key key) {
        List<LiveSecret> secrets = jdbc.sql("""
                select s.secret_hash, s.expires_at
                  from client_secret s
                  join application a on a.client_id = s.client_id
                 where a.tenant_id = :tenant and s.client_id = :clientId and s.revoked_at is null""")
                .param("tenant", key.tenant())
                .param("clientId", key.clientId())
                .query((rs, row) -> new LiveSecret(rs.getString("secret_hash").getBytes(StandardCharsets.US_ASCII),
                        Optional.ofNullable(rs.getObject("expires_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .list();
        return secrets.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(secrets));
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
                .param("now", utc(clock.instant()))
                .param("id", secretId)
                .param("tenant", TenantContext.currentId())
                .update();
        live.invalidateAll();
    }

    private static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HASH_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    private record Key(UUID tenant, UUID clientId) {
    }

    /** A secret's hash as stored ({@code sha256:...}) and when it expires (never when null). */
    private record LiveSecret(byte[] hash, Instant expiresAt) {

        boolean isValidAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
