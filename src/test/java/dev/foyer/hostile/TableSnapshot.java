package dev.foyer.hostile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of named tables at one moment, to show that a refused request changed nothing. Tables
 * with a {@code tenant_id} are read for one tenant only, so background clean-ups of other tenants'
 * expired rows cannot disturb the comparison.
 */
public record TableSnapshot(Map<String, List<String>> rows) {

    /**
     * What a refused request must leave alone: accounts, identities, phone methods, SSO sessions,
     * grants, codes and refresh tokens, and the outbox (no message sent). Left out on purpose:
     * {@code journey} (the journey's state is saved on every request, including the tries a wrong
     * code cost), {@code audit_event} (a refused sign-in or code is audited), {@code rate_limit_window}
     * (every attempt counts against the limits), and {@code signing_key} / {@code admin_session},
     * which the server keeps on its own schedule.
     */
    public static final List<String> USER_DATA = List.of("directory_user", "user_identity", "phone_method",
            "sso_session", "oauth_grant", "authorization_code", "refresh_token", "outbox_message");

    /** What a refused admin API request must leave alone, besides {@link #USER_DATA}. */
    public static final List<String> CONFIGURATION = List.of("application", "user_flow", "user_attribute",
            "tenant_setting", "audit_event");

    private static final List<String> TENANT_SCOPED = List.of("directory_user", "user_identity", "phone_method",
            "sso_session", "oauth_grant", "authorization_code", "refresh_token", "outbox_message", "application",
            "user_flow", "user_attribute", "tenant_setting", "audit_event", "journey");

    /** Columns read where the rest of a row changes in the background: the dispatcher marks messages sent. */
    private static final Map<String, String> COLUMNS = Map.of("outbox_message", "id");

    public static TableSnapshot of(JdbcClient jdbc, UUID tenantId, List<String> tables) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String table : tables) {
            if (!table.matches("[a-z_]+")) {
                throw new IllegalArgumentException(table);
            }
            String select = "select " + COLUMNS.getOrDefault(table, "*") + " from " + table;
            var query = TENANT_SCOPED.contains(table)
                    ? jdbc.sql(select + " where tenant_id = ?").param(tenantId)
                    : jdbc.sql(select);
            rows.put(table, query.query().listOfRows().stream().map(TableSnapshot::describe).sorted().toList());
        }
        return new TableSnapshot(rows);
    }

    /** Every table's row count, for a short failure message. */
    public Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rows.forEach((table, list) -> counts.put(table, list.size()));
        return counts;
    }

    private static String describe(Map<String, Object> row) {
        StringBuilder out = new StringBuilder();
        row.forEach((column, value) -> out.append(column).append('=')
                .append(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value)).append(';'));
        return out.toString();
    }
}
