package dev.foyer.messaging.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V16 gives every outbox row its lower-cased recipient, and the dev outbox finds a recipient's
 * messages through the index on it instead of reading the whole outbox.
 */
class OutboxRecipientKeyTests {

    private final DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Test
    void migrateWhenMessagesExistThenEachIsFoundByItsRecipientInAnyCasing() {
        Flyway.configure().dataSource(dataSource).target("15").load().migrate();
        UUID tenant = tenant();
        insert(tenant, "Grace.Hopper@Example.COM", "Your code is 111111");
        insert(tenant, "+442070000099", "Your code is 222222");
        insert(tenant, "someone-else@example.com", "Your code is 333333");

        Flyway.configure().dataSource(dataSource).load().migrate();
        DevOutboxEntries entries = new DevOutboxEntries(jdbc);

        assertThat(entries.latest("grace.hopper@example.com")).extracting(DevOutboxEntry::body)
                .containsExactly("Your code is 111111");
        assertThat(entries.latest("GRACE.HOPPER@EXAMPLE.COM")).extracting(DevOutboxEntry::to)
                .containsExactly("Grace.Hopper@Example.COM");
        assertThat(entries.latest("442070000099")).extracting(DevOutboxEntry::body)
                .containsExactly("Your code is 222222");
        assertThat(entries.latest(null)).hasSize(3);
    }

    @Test
    void lookupByRecipientWhenOutboxIsLargeThenReadsThroughTheRecipientIndex() {
        Flyway.configure().dataSource(dataSource).load().migrate();

        String plan = jdbc.sql("explain " + DevOutboxEntries.BY_RECIPIENT)
                .param("to", "grace@example.com")
                .param("e164", "grace@example.com")
                .query(String.class)
                .single();

        assertThat(plan.toUpperCase()).contains("OUTBOX_MESSAGE_RECIPIENT_KEY_IX");
    }

    private UUID tenant() {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, name, display_name, created_at) values (:id, :name, :name, :now)")
                .param("id", id)
                .param("name", "t" + id.toString().substring(0, 8))
                .param("now", OffsetDateTime.now())
                .update();
        return id;
    }

    private void insert(UUID tenant, String recipient, String body) {
        jdbc.sql("""
                        insert into outbox_message (id, tenant_id, channel, recipient, body, purpose, status,
                                                    attempts, next_attempt_at, created_at)
                        values (:id, :tenant, :channel, :recipient, :body, 'mfa-sms', 'SENT', 1, :now, :now)""")
                .param("id", UUID.randomUUID())
                .param("tenant", tenant)
                .param("channel", recipient.startsWith("+") ? "SMS" : "EMAIL")
                .param("recipient", recipient)
                .param("body", body)
                .param("now", OffsetDateTime.now())
                .update();
    }
}
