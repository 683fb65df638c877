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

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useOwnSchema(registry, SignUpAndSignInOnPostgresTests.class, "e2e");
    }
}
