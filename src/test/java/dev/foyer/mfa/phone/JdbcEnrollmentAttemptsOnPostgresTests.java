package dev.foyer.mfa.phone;

import dev.foyer.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Runs against the PostgreSQL of {@link TestPostgres}, each test in a schema of its own; skipped
 * when no server answers, except under CI.
 */
class JdbcEnrollmentAttemptsOnPostgresTests extends JdbcEnrollmentAttemptsTests {

    private String schemaUrl;

    @Override
    DataSource newDatabase() {
        TestPostgres.requireServer();
        schemaUrl = TestPostgres.newSchemaUrl("enroll");
        return new SimpleDriverDataSource(new org.postgresql.Driver(), schemaUrl, TestPostgres.USER,
                TestPostgres.PASSWORD);
    }

    @AfterEach
    void dropSchema() {
        if (schemaUrl != null && TestPostgres.answers()) {
            TestPostgres.dropSchemaOf(schemaUrl);
        }
    }
}
