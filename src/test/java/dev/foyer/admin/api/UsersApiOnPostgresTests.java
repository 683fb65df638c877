package dev.foyer.admin.api;

import dev.foyer.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The users API (search, profile, enable/disable, delete) tests again on PostgreSQL: the same migrations and JDBC adapters, in a schema of their own. */
class UsersApiOnPostgresTests extends UsersApiTests {

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.requireServer();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useOwnSchema(registry, UsersApiOnPostgresTests.class, "admin");
    }
}
