package dev.foyer.messaging.dev;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.foyer.messaging.ChannelType;

/** Reads the latest outbox rows of every tenant: the dev outbox is a tool, not a tenant feature. */
@Component
class DevOutboxEntries {

    static final int LIMIT = 100;
    private static final Pattern BARE_DIGITS = Pattern.compile("\\d{4,15}");

    private static final String COLUMNS = """
            select id, tenant_id, channel, recipient, subject, body, code, purpose, status, attempts, last_error,
                   created_at, sent_at
            from outbox_message
            """;
    private static final String NEWEST_FIRST = " order by created_at desc, id fetch first " + LIMIT + " rows only";
    static final String BY_RECIPIENT = COLUMNS + " where recipient_key in (lower(:to), lower(:e164))" + NEWEST_FIRST;

    private final JdbcClient jdbc;

    DevOutboxEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Newest first; only those to {@code recipient} (any casing) when it is given. A number given
     * as bare digits also matches its E.164 form: an unencoded {@code ?to=+1555...} arrives as
     * {@code " 1555..."}, and a stored number always starts with {@code +}. Read through the index
     * on the lower-cased recipient.
     */
    List<DevOutboxEntry> latest(String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return jdbc.sql(COLUMNS + NEWEST_FIRST).query(DevOutboxEntries::entry).list();
        }
        String to = recipient.strip();
        String e164 = BARE_DIGITS.matcher(to).matches() ? "+" + to : to;
        return jdbc.sql(BY_RECIPIENT)
                .param("to", to)
                .param("e164", e164)
                .query(DevOutboxEntries::entry)
                .list();
    }

    private static DevOutboxEntry entry(ResultSet rs, int row) throws SQLException {
        return new DevOutboxEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                ChannelType.valueOf(rs.getString("channel")),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("code"),
                rs.getString("purpose"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
