package dev.foyer.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows the contract tests of a port need besides their own (users, applications, flows), written
 * straight to the tables so a test depends on no other feature's adapter.
 */
public final class ContractRows {

    private ContractRows() {
    }

    public static UUID user(JdbcClient jdbc, UUID tenantId) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into directory_user (object_id, tenant_id, display_name, extensions, enabled, created_at,
                                            updated_at)
                values (?, ?, 'Ada', '{}', true, ?, ?)""")
                .params(id, tenantId, now(), now()).update();
        return id;
    }

    /** A confidential (WEB) application, or a public one when {@code type} says so. */
    public static UUID application(JdbcClient jdbc, UUID tenantId, String type) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into application (client_id, tenant_id, display_name, app_type, created_at)"
                        + " values (?, ?, 'App', ?, ?)")
                .params(id, tenantId, type, now()).update();
        return id;
    }

    public static UUID flow(JdbcClient jdbc, UUID tenantId) {
        UUID id = UUID.randomUUID();
        String name = "B2C_1_f" + id.toString().substring(0, 8);
        jdbc.sql("""
                insert into user_flow (id, tenant_id, name, name_key, flow_type, definition, version, created_at,
                                       updated_at)
                values (?, ?, ?, ?, 'SIGN_UP_OR_SIGN_IN', '{}', 1, ?, ?)""")
                .params(id, tenantId, name, name.toLowerCase(), now(), now()).update();
        return id;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
