package dev.foyer.userflow;

import dev.foyer.tenant.ReadCache;
import dev.foyer.tenant.ReadCaches;
import dev.foyer.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * User flows in the {@code user_flow} table; the definition is one JSON document. Lookups by
 * name, made on every request of a journey, go through a short-lived {@link ReadCache} holding
 * the parsed flow.
 */
@Repository
class JdbcUserFlowRepository implements UserFlowRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReadCache<Key, UserFlow> cache;

    JdbcUserFlowRepository(JdbcClient jdbc, JsonMapper json, ReadCaches caches) {
        this.jdbc = jdbc;
        this.json = json;
        this.cache = caches.create();
    }

    @Override
    public Optional<UserFlow> findByName(String name) {
        return cache.get(new Key(TenantContext.currentId(), UserFlow.canonicalName(UserFlow.withPrefix(name))),
                key -> jdbc.sql("select * from user_flow where tenant_id = ? and name_key = ?")
                        .params(key.tenant(), key.nameKey())
                        .query(this::map)
                        .optional());
    }

    @Override
    public List<UserFlow> findAll() {
        return jdbc.sql("select * from user_flow where tenant_id = ? order by name_key")
                .param(TenantContext.currentId())
                .query(this::map)
                .list();
    }

    @Override
    public UserFlow create(String name, UserFlowType type, UserFlowDefinition definition) {
        String fullName = UserFlow.withPrefix(name);
        if (!fullName.matches("B2C_1_[A-Za-z0-9_-]{1,50}")) {
            throw new IllegalArgumentException(
                    "A user flow name may contain letters, digits, '_' and '-' (at most 50 after B2C_1_)");
        }
        UserFlow flow = new UserFlow(UUID.randomUUID(), fullName, type, definition, 1);
        OffsetDateTime now = now();
        cache.invalidateAll();
        try {
            jdbc.sql("""
                    insert into user_flow (id, tenant_id, name, name_key, flow_type, definition, version, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(flow.id(), TenantContext.currentId(), flow.name(), flow.canonicalName(), type.name(),
                            json.writeValueAsString(definition), flow.version(), now, now)
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("A user flow named " + fullName + " already exists", e);
        }
        return flow;
    }

    @Override
    public UserFlow update(UserFlow flow, int expectedVersion) {
        cache.invalidateAll();
        int updated = jdbc.sql("""
                update user_flow set definition = ?, version = version + 1, updated_at = ?
                where tenant_id = ? and id = ? and version = ?""")
                .params(json.writeValueAsString(flow.definition()), now(), TenantContext.currentId(), flow.id(),
                        expectedVersion)
                .update();
        if (updated != 1) {
            throw new ConcurrentFlowChangeException(flow.name());
        }
        return new UserFlow(flow.id(), flow.name(), flow.type(), flow.definition(), expectedVersion + 1);
    }

    @Override
    public void delete(UserFlow flow) {
        cache.invalidateAll();
        jdbc.sql("delete from user_flow where tenant_id = ? and id = ?")
                .params(TenantContext.currentId(), flow.id())
                .update();
    }

    private UserFlow map(ResultSet rs, int row) throws SQLException {
        return new UserFlow(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                UserFlowType.valueOf(rs.getString("flow_type")),
                json.readValue(rs.getString("definition"), UserFlowDefinition.class),
                rs.getInt("version"));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC);
    }

    private record Key(UUID tenant, String nameKey) {
    }
}
