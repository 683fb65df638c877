package dev.foyer.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.foyer.tenant.Tenant;

/** The V13 migration erases the content of messages that were already final before it. */
class OutboxContentMigrationTests {

    private final DataSource dataSource = new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Test
    void migrateWhenFinalMessagesKeptContentThenOnlyDevSentAndUnsentKeepIt() {
        Flyway.configure().dataSource(dataSource).target(lastVersionBefore13()).load().migrate();
        Tenant tenant = TestTenants.create(jdbc);
        UUID failed = insert(tenant, "FAILED", null);
        UUID sentByProvider = insert(tenant, "SENT", "TwilioSmsChannel");
        UUID sentByDev = insert(tenant, "SENT", "dev");
        UUID pending = insert(tenant, "PENDING", null);

        Flyway.configure().dataSource(dataSource).load().migrate();

        assertThat(OutboxRow.get(jdbc, failed)).extracting(OutboxRow::body, OutboxRow::code).containsExactly("", null);
        assertThat(OutboxRow.get(jdbc, sentByProvider)).extracting(OutboxRow::body, OutboxRow::code)
                .containsExactly("", null);
        assertThat(OutboxRow.get(jdbc, sentByDev)).extracting(OutboxRow::body, OutboxRow::code)
                .containsExactly("Your code is 987654", "987654");
        assertThat(OutboxRow.get(jdbc, pending)).extracting(OutboxRow::body, OutboxRow::code)
                .containsExactly("Your code is 987654", "987654");
    }

    private String lastVersionBefore13() {
        return Arrays.stream(Flyway.configure().dataSource(dataSource).load().info().all())
                .map(MigrationInfo::getVersion)
                .filter(version -> !version.isAtLeast("13"))
                .max(Comparator.naturalOrder())
                .orElseThrow()
                .getVersion();
    }

    private UUID insert(Tenant tenant, String status, String deliveredBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into outbox_message (id, tenant_id, channel, recipient, body, code, purpose, status,
                                                    attempts, next_attempt_at, created_at, delivered_by)
                        values (:id, :tenant, 'SMS', '+442070000099', 'Your code is 987654', '987654', 'mfa-sms',
                                :status, 1, :now, :now, :deliveredBy)""")
                .param("id", id)
                .param("tenant", tenant.id())
                .param("status", status)
                .param("now", OffsetDateTime.now())
                .param("deliveredBy", deliveredBy)
                .update();
        return id;
    }
}
