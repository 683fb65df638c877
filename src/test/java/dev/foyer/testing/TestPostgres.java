package dev.foyer.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The PostgreSQL server tests run against: {@code FOYER_TEST_POSTGRES_URL} (default the local
 * server's {@code test} database, user {@code FOYER_TEST_POSTGRES_USER}, default postgres). When it
 * does not answer, tests that need it are skipped with the reason printed — except under
 * {@code CI=true}, where a missing database is a failure: CI must run every test.
 */
public final class TestPostgres {

    public static final String URL = env("FOYER_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String USER = env("FOYER_TEST_POSTGRES_USER", "postgres");
    public static final String PASSWORD = env("FOYER_TEST_POSTGRES_PASSWORD", "");

    private TestPostgres() {
    }

    public static DataSource server() {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), URL, USER, PASSWORD);
    }

    /** Skips the calling test (or fails it under CI) when PostgreSQL does not answer. */
    public static void requireServer() {
        if (answers()) {
            return;
        }
        String reason = "PostgreSQL does not answer at " + URL + " (set FOYER_TEST_POSTGRES_URL)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(reason + "; under CI=true every test must run");
        }
        System.out.println("SKIPPED: " + reason);
        Assumptions.abort(reason);
    }

    /** Creates a fresh schema and returns a JDBC URL whose connections use it. */
    public static String newSchemaUrl(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        JdbcClient.create(server()).sql("create schema " + schema).update();
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static final java.util.Map<Class<?>, String> SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Points a Spring test context's datasource at a schema of its own for {@code testClass},
     * created once on first use and dropped when the test JVM exits.
     */
    public static void useOwnSchema(org.springframework.test.context.DynamicPropertyRegistry registry,
                                    Class<?> testClass, String prefix) {
        registry.add("spring.datasource.url", () -> SCHEMAS.computeIfAbsent(testClass, c -> {
            String url = newSchemaUrl(prefix);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchemaOf(url)));
            return url;
        }));
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    public static void dropSchemaOf(String schemaUrl) {
        String schema = schemaUrl.substring(schemaUrl.indexOf("currentSchema=") + "currentSchema=".length());
        JdbcClient.create(server()).sql("drop schema if exists " + schema + " cascade").update();
    }

    public static boolean answers() {
        try (Connection connection = server().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
