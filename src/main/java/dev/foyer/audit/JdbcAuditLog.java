package dev.foyer.audit;

import dev.foyer.tenant.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log in the {@code audit_event} table, scoped to the current tenant. Only inserts and
 * selects: there is no statement here that changes or removes an event. The JSON mapper is private
 * so the stored format does not follow the application's web JSON settings.
 */
@Repository
class JdbcAuditLog implements AuditLog {

    static final int MAX_DETAILS = 32000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final String COLUMNS = "id, tenant_id, occurred_at, event_type, actor, subject_user_id, target,"
            + " details";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(AuditRecord record) {
        String details = JSON.writeValueAsString(record.details());
        if (details.length() > MAX_DETAILS) {
            throw new IllegalArgumentException("The details of a " + record.type() + " event exceed " + MAX_DETAILS
                    + " characters");
        }
        jdbc.sql("insert into audit_event (" + COLUMNS + ") values (:id, :tenant, :at, :type, :actor, :subject,"
                        + " :target, :details)")
                .param("id", UUID.randomUUID())
                .param("tenant", TenantContext.currentId())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .param("type", record.type())
                .param("actor", record.actor())
                .param("subject", record.subjectUserId())
                .param("target", record.target())
                .param("details", details)
                .update();
    }

    @Override
    public List<AuditEvent> query(AuditQuery query) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("tenant", TenantContext.currentId());
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_event where tenant_id = :tenant");
        if (query.from() != null) {
            sql.append(" and occurred_at >= :from");
            params.put("from", OffsetDateTime.ofInstant(query.from(), ZoneOffset.UTC));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < :to");
            params.put("to", OffsetDateTime.ofInstant(query.to(), ZoneOffset.UTC));
        }
        if (query.userId() != null) {
            sql.append(" and subject_user_id = :user");
            params.put("user", query.userId());
        }
        if (query.type() != null) {
            sql.append(" and event_type = :type");
            params.put("type", query.type());
        }
        if (query.before() != null) {
            Optional<Cursor> cursor = cursor(query.before());
            if (cursor.isEmpty()) {
                return List.of();
            }
            sql.append(" and (occurred_at < :cursorAt or (occurred_at = :cursorAt and seq < :cursorSeq))");
            params.put("cursorAt", cursor.get().at());
            params.put("cursorSeq", cursor.get().seq());
        }
        sql.append(" order by occurred_at desc, seq desc fetch first :limit rows only");
        params.put("limit", query.limit());
        return jdbc.sql(sql.toString()).params(params).query(JdbcAuditLog::event).list();
    }

    /** Where an event sits in the log's order. */
    private record Cursor(OffsetDateTime at, long seq) {
    }

    private Optional<Cursor> cursor(UUID eventId) {
        return jdbc.sql("select occurred_at, seq from audit_event where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.currentId())
                .param("id", eventId)
                .query((rs, n) -> new Cursor(rs.getObject("occurred_at", OffsetDateTime.class), rs.getLong("seq")))
                .optional();
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("event_type"),
                rs.getString("actor"), rs.getObject("subject_user_id", UUID.class), rs.getString("target"),
                JSON.readValue(rs.getString("details"), MAP));
    }
}
