package dev.foyer.keys;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.foyer.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;

/**
 * On the PostgreSQL of {@link TestPostgres}, each test in a schema of its own; skipped when no
 * server answers, except under CI.
 */
class SigningKeySealingOnPostgresTests extends SigningKeySealingTests {

    private String schemaUrl;
    private HikariDataSource pool;

    @Override
    DataSource newDatabase() {
        TestPostgres.requireServer();
        schemaUrl = TestPostgres.newSchemaUrl("sealing");
        pool = new HikariDataSource();
        pool.setJdbcUrl(schemaUrl);
        pool.setUsername(TestPostgres.USER);
        pool.setPassword(TestPostgres.PASSWORD);
        pool.setMaximumPoolSize(4);
        return pool;
    }

    @AfterEach
    void dropSchema() {
        if (pool != null) {
            pool.close();
        }
        if (schemaUrl != null) {
            TestPostgres.dropSchemaOf(schemaUrl);
        }
    }
}
