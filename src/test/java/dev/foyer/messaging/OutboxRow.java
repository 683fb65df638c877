package dev.foyer.messaging;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the outbox table says about one message, for assertions. */
record OutboxRow(UUID tenantId, String status, int attempts, String lastError, String deliveredBy, String body,
                 String code) {

    static Optional<OutboxRow> find(JdbcClient jdbc, UUID id) {
        return jdbc.sql("""
                select tenant_id, status, attempts, last_error, delivered_by, body, code
                from outbox_message where id = :id
                """)
                .param("id", id)
                .query((rs, row) -> new OutboxRow(rs.getObject("tenant_id", UUID.class), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("last_error"), rs.getString("delivered_by"),
                        rs.getString("body"), rs.getString("code")))
                .optional();
    }

    static OutboxRow get(JdbcClient jdbc, UUID id) {
        return find(jdbc, id).orElseThrow(() -> new AssertionError("no outbox row " + id));
    }
}
