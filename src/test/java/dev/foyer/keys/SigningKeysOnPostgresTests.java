package dev.foyer.keys;

import dev.foyer.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On the PostgreSQL of {@link TestPostgres}, in a schema of its own; skipped when no server
 * answers, except under CI.
 */
class SigningKeysOnPostgresTests extends SigningKeysTests {

    private static String schemaUrl;

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.requireServer();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SigningKeysOnPostgresTests::schemaUrl);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    /** One schema for this class's context, dropped when the test JVM exits. */
    private static synchronized String schemaUrl() {
        if (schemaUrl == null) {
            schemaUrl = TestPostgres.newSchemaUrl("keys");
            String url = schemaUrl;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestPostgres.dropSchemaOf(url)));
        }
        return schemaUrl;
    }
}
