package dev.foyer.messaging;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.foyer.tenant.TenantContext;

/**
 * Stores messages in {@code outbox_message} within the caller's transaction (JdbcClient joins it),
 * stamped with the tenant in scope. Once the row is committed the dispatcher is nudged, so delivery
 * does not wait for the next poll; a rolled-back transaction leaves nothing to send.
 */
@Component
class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Consumer<UUID> afterCommit;

    @Autowired
    JdbcOutbox(JdbcClient jdbc, OutboxDispatcher dispatcher) {
        this(jdbc, Clock.systemUTC(), dispatcher::nudge);
    }

    JdbcOutbox(JdbcClient jdbc, Clock clock, Consumer<UUID> afterCommit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.afterCommit = afterCommit;
    }

    @Override
    public UUID enqueue(Message message) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.sql("""
                insert into outbox_message (id, tenant_id, channel, recipient, recipient_key, subject, body, code,
                                            purpose, status, attempts, next_attempt_at, created_at)
                values (:id, :tenant, :channel, :recipient, lower(:recipient), :subject, :body, :code,
                        :purpose, 'PENDING', 0, :now, :now)
                """)
                .param("id", id)
                .param("tenant", TenantContext.currentId())
                .param("channel", message.channel().name())
                .param("recipient", message.recipient())
                .param("subject", message.subject())
                .param("body", message.body())
                .param("code", message.code())
                .param("purpose", message.purpose())
                .param("now", now)
                .update();
        nudgeAfterCommit(id);
        return id;
    }

    @Override
    public Optional<DeliveryState> state(UUID messageId) {
        return jdbc.sql("select status from outbox_message where id = :id and tenant_id = :tenant")
                .param("id", messageId)
                .param("tenant", TenantContext.currentId())
                .query(String.class)
                .optional()
                .map(DeliveryState::ofStatus);
    }

    private void nudgeAfterCommit(UUID id) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            afterCommit.accept(id);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.accept(id);
            }
        });
    }
}
