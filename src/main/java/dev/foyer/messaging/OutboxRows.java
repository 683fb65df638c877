package dev.foyer.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher's SQL on {@code outbox_message}. Claims are portable compare-and-set updates (no
 * {@code SKIP LOCKED}, which H2 lacks): the node whose update changes the row owns it until
 * {@code claimed_until}, and later writes only apply while its {@code claim_token} is still there.
 */
final class OutboxRows {

    private static final int MAX_ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of messages that are due now or whose sender's claim has lapsed, oldest first. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                select id from outbox_message
                where (status = 'PENDING' and next_attempt_at <= :now)
                   or (status = 'SENDING' and claimed_until < :now)
                order by created_at
                fetch first :limit rows only
                """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** True when this caller now owns the message until {@code until}. */
    boolean claim(UUID id, UUID token, Instant now, Instant until) {
        return jdbc.sql("""
                update outbox_message set status = 'SENDING', claim_token = :token, claimed_until = :until
                where id = :id
                  and ((status = 'PENDING' and next_attempt_at <= :now)
                    or (status = 'SENDING' and claimed_until < :now))
                """)
                .param("id", id)
                .param("token", token)
                .param("now", utc(now))
                .param("until", utc(until))
                .update() == 1;
    }

    /** A stored message with the number of attempts already made to deliver it. */
    record Stored(OutboundMessage message, int attempts) {
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("""
                select id, tenant_id, channel, recipient, subject, body, purpose, created_at, code, attempts
                from outbox_message where id = :id
                """)
                .param("id", id)
                .query((rs, row) -> new Stored(outboundMessage(rs), rs.getInt("attempts")))
                .optional();
    }

    /**
     * Records delivery. Unless {@code keepContent}, the body is emptied (the column is NOT NULL)
     * and the code removed: once delivered they are personal data with no further use.
     */
    boolean recordSent(UUID id, UUID token, String deliveredBy, Instant now, boolean keepContent) {
        String content = keepContent ? "" : ", body = '', code = null";
        return jdbc.sql("update outbox_message"
                        + " set status = 'SENT', attempts = attempts + 1, sent_at = :now, delivered_by = :by,"
                        + " last_error = null, claim_token = null, claimed_until = null" + content
                        + " where id = :id and claim_token = :token")
                .param("id", id)
                .param("token", token)
                .param("now", utc(now))
                .param("by", deliveredBy)
                .update() == 1;
    }

    /** Records a failed attempt and makes the message due again at {@code retryAt}. */
    boolean recordRetry(UUID id, UUID token, String error, Instant retryAt) {
        return jdbc.sql("""
                update outbox_message
                set status = 'PENDING', attempts = attempts + 1, next_attempt_at = :retryAt,
                    last_error = :error, claim_token = null, claimed_until = null
                where id = :id and claim_token = :token
                """)
                .param("id", id)
                .param("token", token)
                .param("retryAt", utc(retryAt))
                .param("error", truncate(error))
                .update() == 1;
    }

    /**
     * Records the last allowed attempt as failed; the message will not be tried again, so its body
     * and code (personal data, a code that was never delivered) are erased, whichever channel failed.
     */
    boolean recordFailed(UUID id, UUID token, String error) {
        return jdbc.sql("""
                update outbox_message
                set status = 'FAILED', attempts = attempts + 1, last_error = :error,
                    claim_token = null, claimed_until = null, body = '', code = null
                where id = :id and claim_token = :token
                """)
                .param("id", id)
                .param("token", token)
                .param("error", truncate(error))
                .update() == 1;
    }

    /** Puts a message back without counting an attempt, e.g. when no channel can take it yet. */
    void release(UUID id, UUID token, String reason, Instant retryAt) {
        jdbc.sql("""
                update outbox_message
                set status = 'PENDING', next_attempt_at = :retryAt, last_error = :reason,
                    claim_token = null, claimed_until = null
                where id = :id and claim_token = :token
                """)
                .param("id", id)
                .param("token", token)
                .param("retryAt", utc(retryAt))
                .param("reason", truncate(reason))
                .update();
    }

    private static OutboundMessage outboundMessage(ResultSet rs) throws SQLException {
        return new OutboundMessage(
                rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class),
                ChannelType.valueOf(rs.getString("channel")),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("purpose"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("code"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_ERROR_LENGTH);
    }
}
