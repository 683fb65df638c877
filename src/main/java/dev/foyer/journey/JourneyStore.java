package dev.foyer.journey;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Journeys in the {@code journey} table under the hash of their id. Saves are optimistic: two
 * requests racing on one journey cannot both move it on.
 */
@Repository
class JourneyStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JourneyStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A journey as read: its state (which the request goes on to change), its version, the stored
     * document and when the row expires.
     */
    record Loaded(JourneyState state, int version, String document, Instant expiresAt) {
    }

    void insert(String id, JourneyState state) {
        jdbc.sql("insert into journey (id_hash, tenant_id, state, version, expires_at) values (?, ?, ?, 1, ?)")
                .params(OpaqueTokens.hash(id), TenantContext.currentId(), json.writeValueAsString(state),
                        utc(state.expiresAt))
                .update();
    }

    Optional<Loaded> find(String id, Instant now) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        // The row's expires_at decides, as it does for deleteExpired: a row past it is gone even
        // before the cleanup removes it.
        return jdbc.sql("""
                        select state, version, expires_at from journey
                        where id_hash = ? and tenant_id = ? and expires_at > ?""")
                .params(OpaqueTokens.hash(id), TenantContext.currentId(), utc(now))
                .query((rs, n) -> {
                    String document = rs.getString("state");
                    return new Loaded(json.readValue(document, JourneyState.class), rs.getInt("version"), document,
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant());
                })
                .optional();
    }

    /** Saves if nobody saved in between; false when the journey moved on meanwhile. */
    boolean save(String id, JourneyState state, int expectedVersion) {
        return update(id, json.writeValueAsString(state), state.expiresAt, expectedVersion);
    }

    private boolean update(String id, String document, Instant expiresAt, int expectedVersion) {
        return jdbc.sql("""
                update journey set state = ?, version = version + 1, expires_at = ?
                where id_hash = ? and tenant_id = ? and version = ?""")
                .params(document, utc(expiresAt), OpaqueTokens.hash(id), TenantContext.currentId(), expectedVersion)
                .update() == 1;
    }

    /**
     * Saves {@code loaded}'s state unless it is still what was read; true when it did not change or
     * was saved, false when the journey moved on meanwhile. An unchanged state is not checked
     * against the stored version: nothing is written, and whoever moved the journey on saved theirs.
     */
    boolean saveIfChanged(String id, Loaded loaded) {
        String document = json.writeValueAsString(loaded.state());
        return document.equals(loaded.document()) || update(id, document, loaded.state().expiresAt, loaded.version());
    }

    /** Removes the journey; true for the one caller that removed it. */
    boolean delete(String id) {
        return jdbc.sql("delete from journey where id_hash = ? and tenant_id = ?")
                .params(OpaqueTokens.hash(id), TenantContext.currentId())
                .update() == 1;
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("delete from journey where expires_at < ?").param(utc(now)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
