package dev.foyer.tenant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * JDBC adapter for {@link TenantRepository}. Names are stored lower-case so lookups ignore casing.
 * Every request looks its tenant up, so lookups go through a short-lived {@link ReadCache}.
 */
@Repository
public class JdbcTenantRepository implements TenantRepository {

    // UUID.fromString accepts odd shapes such as "1-1-1-1-1"; only the canonical form addresses a tenant.
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JdbcClient jdbc;
    private final ReadCache<String, Tenant> cache;

    /** Without a cache, for code that builds its own repository (contract tests of other ports). */
    public JdbcTenantRepository(JdbcClient jdbc) {
        this(jdbc, ReadCaches.none());
    }

    @Autowired
    public JdbcTenantRepository(JdbcClient jdbc, ReadCaches caches) {
        this.jdbc = jdbc;
        this.cache = caches.create();
    }

    @Override
    public Optional<Tenant> findByNameOrId(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        return cache.get(nameOrId.trim(), this::load);
    }

    private Optional<Tenant> load(String key) {
        if (CANONICAL_UUID.matcher(key).matches()) {
            Optional<Tenant> byId = jdbc.sql("select id, name, display_name from tenant where id = :id")
                    .param("id", UUID.fromString(key))
                    .query(JdbcTenantRepository::tenant)
                    .optional();
            if (byId.isPresent()) {
                return byId;
            }
        }
        return jdbc.sql("select id, name, display_name from tenant where name = :name")
                .param("name", key.toLowerCase(Locale.ROOT))
                .query(JdbcTenantRepository::tenant)
                .optional();
    }

    @Override
    public List<Tenant> findAll() {
        return jdbc.sql("select id, name, display_name from tenant order by name")
                .query(JdbcTenantRepository::tenant)
                .list();
    }

    @Override
    public void add(Tenant tenant) {
        jdbc.sql("""
                insert into tenant (id, name, display_name, created_at)
                values (:id, :name, :displayName, :createdAt)""")
                .param("id", tenant.id())
                .param("name", tenant.name().toLowerCase(Locale.ROOT))
                .param("displayName", tenant.displayName())
                .param("createdAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .update();
        cache.invalidateAll();
    }

    @Override
    public void updateDisplayName(UUID id, String displayName) {
        jdbc.sql("update tenant set display_name = :displayName where id = :id")
                .param("displayName", displayName)
                .param("id", id)
                .update();
        cache.invalidateAll();
    }

    private static Tenant tenant(ResultSet rs, int row) throws SQLException {
        return new Tenant(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("display_name"));
    }
}
