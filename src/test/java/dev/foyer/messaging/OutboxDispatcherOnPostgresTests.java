package dev.foyer.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Runs against the PostgreSQL at {@code foyer.test.postgres-url} (default: the local server's
 * {@code test} database), each test in a schema of its own; skipped when no server answers, except
 * under CI.
 */
class OutboxDispatcherOnPostgresTests extends OutboxDispatcherTests {

    private static final String URL = System.getProperty("foyer.test.postgres-url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("foyer.test.postgres-user", "postgres");

    private final String schema = "outbox_" + UUID.randomUUID().toString().replace("-", "");
    private DataSource server;
    private HikariDataSource pool;

    @Override
    DataSource newDatabase() {
        server = new SimpleDriverDataSource(new org.postgresql.Driver(), URL, USER, "");
        dev.foyer.testing.TestPostgres.requireServer();
        JdbcClient.create(server).sql("create schema " + schema).update();
        String separator = URL.contains("?") ? "&" : "?";
        pool = new HikariDataSource();
        pool.setJdbcUrl(URL + separator + "currentSchema=" + schema);
        pool.setUsername(USER);
        pool.setMaximumPoolSize(4);
        return pool;
    }

    @AfterEach
    void dropSchema() {
        if (pool != null) {
            pool.close();
        }
        if (server != null && answers(server)) {
            JdbcClient.create(server).sql("drop schema if exists " + schema + " cascade").update();
        }
    }

    private static boolean answers(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
