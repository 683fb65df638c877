package dev.foyer.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.foyer.tenant.ReadCache;
import dev.foyer.tenant.ReadCaches;
import dev.foyer.tenant.TenantContext;

/**
 * JDBC adapter for {@link ApplicationRepository}; every query is filtered by the tenant in scope.
 * Lookups by client id, made on every protocol request, go through a short-lived {@link ReadCache}.
 */
@Repository
class JdbcApplicationRepository implements ApplicationRepository {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final JdbcClient jdbc;
    private final ReadCache<Key, Application> cache;

    JdbcApplicationRepository(JdbcClient jdbc, ReadCaches caches) {
        this.jdbc = jdbc;
        this.cache = caches.create();
    }

    @Override
    public Optional<Application> findByClientId(UUID clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return cache.get(new Key(TenantContext.currentId(), clientId), this::load);
    }

    private Optional<Application> load(Key key) {
        UUID clientId = key.clientId();
        return jdbc.sql("""
                select client_id, display_name, app_type, logout_url
                  from application where tenant_id = :tenant and client_id = :clientId""")
                .param("tenant", key.tenant())
                .param("clientId", clientId)
                .query(JdbcApplicationRepository::withoutRedirectUris)
                .optional()
                .map(app -> withRedirectUris(app, redirectUris(clientId)));
    }

    @Override
    public Optional<Application> findByClientId(String clientId) {
        if (clientId == null || !CANONICAL_UUID.matcher(clientId).matches()) {
            return Optional.empty();
        }
        return findByClientId(UUID.fromString(clientId));
    }

    @Override
    public List<Application> findAll() {
        UUID tenant = TenantContext.currentId();
        Map<UUID, List<String>> uris = new HashMap<>();
        jdbc.sql("""
                select r.client_id, r.uri
                  from application_redirect_uri r
                  join application a on a.client_id = r.client_id
                 where a.tenant_id = :tenant
                 order by r.uri""")
                .param("tenant", tenant)
                .query(rs -> {
                    uris.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("""
                select client_id, display_name, app_type, logout_url
                  from application where tenant_id = :tenant order by display_name, client_id""")
                .param("tenant", tenant)
                .query(JdbcApplicationRepository::withoutRedirectUris)
                .list()
                .stream()
                .map(app -> withRedirectUris(app, uris.getOrDefault(app.clientId(), List.of())))
                .toList();
    }

    @Override
    @Transactional
    public Application register(Application application) {
        RedirectUriRules.check(application);
        Application registered = application.clientId() == null
                ? application.withClientId(UUID.randomUUID())
                : application;
        try {
            insert(registered);
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("Client id " + registered.clientId() + " is already registered.");
        }
        return registered;
    }

    @Override
    @Transactional
    public Application updateRedirectUris(UUID clientId, List<String> redirectUris) {
        Application current = findByClientId(clientId)
                .orElseThrow(() -> new IllegalArgumentException("No application with client id " + clientId + "."));
        return update(withRedirectUris(current, redirectUris));
    }

    @Override
    @Transactional
    public Application update(Application application) {
        RedirectUriRules.check(application);
        cache.invalidateAll();
        int updated = jdbc.sql("""
                update application set display_name = :displayName, logout_url = :logoutUrl
                 where tenant_id = :tenant and client_id = :clientId""")
                .param("displayName", application.displayName())
                .param("logoutUrl", application.logoutUrl().orElse(null))
                .param("tenant", TenantContext.currentId())
                .param("clientId", application.clientId())
                .update();
        if (updated != 1) {
            throw new java.util.NoSuchElementException("No application " + application.clientId() + " in this tenant");
        }
        jdbc.sql("delete from application_redirect_uri where client_id = :clientId")
                .param("clientId", application.clientId())
                .update();
        insertRedirectUris(application);
        return findByClientId(application.clientId()).orElseThrow();
    }

    @Override
    public void delete(UUID clientId) {
        jdbc.sql("delete from application where tenant_id = :tenant and client_id = :clientId")
                .param("tenant", TenantContext.currentId())
                .param("clientId", clientId)
                .update();
        cache.invalidateAll();
    }

    private void insert(Application registered) {
        cache.invalidateAll();
        jdbc.sql("""
                insert into application (client_id, tenant_id, display_name, app_type, logout_url, created_at)
                values (:clientId, :tenant, :displayName, :type, :logoutUrl, :createdAt)""")
                .param("clientId", registered.clientId())
                .param("tenant", TenantContext.currentId())
                .param("displayName", registered.displayName())
                .param("type", registered.type().name())
                .param("logoutUrl", registered.logoutUrl().orElse(null))
                .param("createdAt", OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .update();
        insertRedirectUris(registered);
    }

    private void insertRedirectUris(Application application) {
        for (String uri : application.redirectUris()) {
            jdbc.sql("insert into application_redirect_uri (client_id, uri) values (:clientId, :uri)")
                    .param("clientId", application.clientId())
                    .param("uri", uri)
                    .update();
        }
    }

    private List<String> redirectUris(UUID clientId) {
        return jdbc.sql("select uri from application_redirect_uri where client_id = :clientId order by uri")
                .param("clientId", clientId)
                .query(String.class)
                .list();
    }

    private static Application withRedirectUris(Application app, List<String> uris) {
        return new Application(app.clientId(), app.displayName(), app.type(), uris, app.logoutUrl());
    }

    private static Application withoutRedirectUris(ResultSet rs, int row) throws SQLException {
        return new Application(rs.getObject("client_id", UUID.class), rs.getString("display_name"),
                ApplicationType.valueOf(rs.getString("app_type")), List.of(),
                Optional.ofNullable(rs.getString("logout_url")));
    }

    private record Key(UUID tenant, UUID clientId) {
    }
}
