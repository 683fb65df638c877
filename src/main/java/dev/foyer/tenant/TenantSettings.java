package dev.foyer.tenant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current tenant's overrides of server-wide defaults, one JSON document per named setting.
 * Features own the setting types; this class only stores them.
 *
 * <p>Sign-ins read settings (lockout, phone-code limits) on every attempt, and most tenants
 * override none: documents are read through a {@link ReadCache} that keeps an absent setting as
 * well as a present one. A change made on this node is seen here at once; one made on another
 * node, added or removed, within the cache's time-to-live.
 */
@Repository
public class TenantSettings {

    private record Key(UUID tenantId, String name) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    /** The stored document of each setting; {@code Optional.empty()} when the tenant has none. */
    private final ReadCache<Key, Optional<String>> documents;

    /** Without a cache, for code that builds its own store (contract tests). */
    public TenantSettings(JdbcClient jdbc, JsonMapper json) {
        this(jdbc, json, ReadCaches.none());
    }

    @Autowired
    public TenantSettings(JdbcClient jdbc, JsonMapper json, ReadCaches caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.documents = caches.create();
    }

    public <T> Optional<T> find(String name, Class<T> type) {
        // The loader always answers a present value (the document, or its absence), so both are kept.
        return documents.get(new Key(TenantContext.currentId(), name), key -> Optional.of(load(key)))
                .flatMap(document -> document)
                .map(value -> json.readValue(value, type));
    }

    private Optional<String> load(Key key) {
        return jdbc.sql("select setting_value from tenant_setting where tenant_id = ? and name = ?")
                .params(key.tenantId(), key.name())
                .query(String.class).optional();
    }

    @Transactional
    public void put(String name, Object value) {
        String document = json.writeValueAsString(value);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int updated = jdbc.sql("update tenant_setting set setting_value = ?, updated_at = ? where tenant_id = ? and name = ?")
                .params(document, now, TenantContext.currentId(), name).update();
        if (updated == 0) {
            jdbc.sql("insert into tenant_setting (tenant_id, name, setting_value, updated_at) values (?, ?, ?, ?)")
                    .params(TenantContext.currentId(), name, document, now).update();
        }
        documents.invalidateAll();
    }

    public void remove(String name) {
        jdbc.sql("delete from tenant_setting where tenant_id = ? and name = ?")
                .params(TenantContext.currentId(), name).update();
        documents.invalidateAll();
    }
}
