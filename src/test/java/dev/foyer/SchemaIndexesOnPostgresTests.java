package dev.foyer;

import dev.foyer.testing.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * PostgreSQL, in a schema of its own, plans each statement with sequential scans switched off for
 * the session: one still planned means no index serves the statement. Skipped when no server
 * answers, except under CI.
 */
class SchemaIndexesOnPostgresTests extends SchemaIndexesTests {

    private String schemaUrl;
    private SingleConnectionDataSource connection;

    @Override
    DataSource newDatabase() {
        TestPostgres.requireServer();
        schemaUrl = TestPostgres.newSchemaUrl("indexes");
        connection = new SingleConnectionDataSource(schemaUrl, TestPostgres.USER, TestPostgres.PASSWORD, true);
        JdbcClient.create(connection).sql("set enable_seqscan = off").update();
        return connection;
    }

    @Override
    String wholeTableRead() {
        return "Seq Scan";
    }

    @AfterAll
    void dropSchema() {
        if (connection != null) {
            connection.destroy();
        }
        if (schemaUrl != null && TestPostgres.answers()) {
            TestPostgres.dropSchemaOf(schemaUrl);
        }
    }
}
