package dev.foyer.federation;

import dev.foyer.tenant.ReadCache;
import dev.foyer.tenant.ReadCaches;
import dev.foyer.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity providers in the {@code identity_provider} table, filtered by the tenant in scope.
 * The tenant's list, read by every sign-in page, goes through a short-lived {@link ReadCache}.
 */
@Repository
class JdbcIdentityProviderRepository implements IdentityProviderRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReadCache<UUID, List<IdentityProvider>> cache;

    JdbcIdentityProviderRepository(JdbcClient jdbc, JsonMapper json, ReadCaches caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = caches.create();
    }

    @Override
    public List<IdentityProvider> findAll() {
        return cache.get(TenantContext.currentId(), tenant -> Optional.of(
                jdbc.sql("select * from identity_provider where tenant_id = ? order by name_key")
                        .param(tenant)
                        .query(this::map)
                        .list())).orElse(List.of());
    }

    @Override
    public Optional<IdentityProvider> findById(UUID id) {
        return findAll().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public Optional<IdentityProvider> findByName(String name) {
        return findAll().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public IdentityProvider insert(IdentityProvider provider) {
        cache.invalidateAll();
        OffsetDateTime now = at(Instant.now());
        try {
            jdbc.sql("""
                    insert into identity_provider (id, tenant_id, name, name_key, kind, display_name, client_id,
                        sealed_client_secret, settings, enabled, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(provider.id(), TenantContext.currentId(), provider.name(), key(provider.name()),
                            provider.kind().name(), provider.displayName(), provider.clientId(),
                            provider.sealedClientSecret(), json.writeValueAsString(provider.settings()),
                            provider.enabled(), at(provider.createdAt()), now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("An identity provider named " + provider.name() + " already exists", e);
        } finally {
            cache.invalidateAll();
        }
        return provider;
    }

    @Override
    public IdentityProvider update(IdentityProvider provider) {
        cache.invalidateAll();
        int updated = jdbc.sql("""
                update identity_provider set kind = ?, display_name = ?, client_id = ?, sealed_client_secret = ?,
                    settings = ?, enabled = ?, updated_at = ?
                where tenant_id = ? and id = ?""")
                .params(provider.kind().name(), provider.displayName(), provider.clientId(),
                        provider.sealedClientSecret(), json.writeValueAsString(provider.settings()),
                        provider.enabled(), at(Instant.now()), TenantContext.currentId(), provider.id())
                .update();
        cache.invalidateAll();
        if (updated != 1) {
            throw new NoSuchElementException("No identity provider " + provider.id());
        }
        return findById(provider.id()).orElseThrow();
    }

    @Override
    public void delete(UUID id) {
        cache.invalidateAll();
        jdbc.sql("delete from identity_provider where tenant_id = ? and id = ?")
                .params(TenantContext.currentId(), id)
                .update();
        cache.invalidateAll();
    }

    private IdentityProvider map(ResultSet rs, int row) throws SQLException {
        return new IdentityProvider(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                ProviderKind.valueOf(rs.getString("kind")),
                rs.getString("display_name"),
                rs.getString("client_id"),
                rs.getString("sealed_client_secret"),
                json.readValue(rs.getString("settings"), ProviderSettings.class),
                rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
