package dev.foyer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The schema as each database holds it after every migration, the Java one included: the periodic
 * cleanups, and the cascade when a grant is deleted, find their rows through an index instead of
 * reading whole tables. Once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SchemaIndexesTests {

    /** What the periodic cleanups delete by, and what deleting a grant cascades to. */
    private static final List<String> BY_INDEX = List.of(
            "delete from authorization_code where expires_at < current_timestamp",
            "delete from refresh_token where expires_at < current_timestamp",
            "delete from sso_session where expires_at < current_timestamp",
            "delete from admin_session where expires_at < current_timestamp",
            "delete from journey where expires_at < current_timestamp",
            "delete from rate_limit_window where window_start < current_timestamp",
            "delete from phone_enrollment_attempt where first_sent_at < current_timestamp",
            "delete from sign_in_lockout where last_failure_at < current_timestamp",
            "select id from oauth_grant where created_at < current_timestamp",
            "delete from authorization_code where grant_id = '00000000-0000-0000-0000-000000000000'",
            "delete from refresh_token where grant_id = '00000000-0000-0000-0000-000000000000'");

    JdbcClient jdbc;

    /** A new, empty database, for this class only. */
    abstract DataSource newDatabase();

    /** What the database's plan says of a statement that reads a whole table. */
    abstract String wholeTableRead();

    @BeforeAll
    void migrated() {
        DataSource dataSource = newDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new IndexCopiesOnH2()).load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void cleanupsAndCascadesWhenPlannedThenReadAnIndex() {
        for (String statement : BY_INDEX) {
            String plan = String.join("\n", jdbc.sql("explain " + statement).query(String.class).list());
            assertThat(plan).as(statement).doesNotContain(wholeTableRead());
        }
    }
}

