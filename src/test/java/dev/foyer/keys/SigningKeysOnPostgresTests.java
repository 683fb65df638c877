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

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.requireServer();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useOwnSchema(registry, SigningKeysOnPostgresTests.class, "keys");
    }
}
