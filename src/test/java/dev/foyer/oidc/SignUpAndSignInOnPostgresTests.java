package dev.foyer.oidc;

import dev.foyer.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sign-up and sign-in journeys again, on PostgreSQL: the same Flyway migrations and the same
 * JDBC adapters as on the embedded database, in a schema of their own.
 */
class SignUpAndSignInOnPostgresTests extends SignUpAndSignInTests {

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.requireServer();
    }

    private static String schemaUrl;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", SignUpAndSignInOnPostgresTests::schemaUrl);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    /** One schema for this class's server, dropped when the test JVM exits. */
    private static synchronized String schemaUrl() {
        if (schemaUrl == null) {
            schemaUrl = TestPostgres.newSchemaUrl("e2e");
            String url = schemaUrl;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestPostgres.dropSchemaOf(url)));
        }
        return schemaUrl;
    }
}
