package dev.foyer.admin.api;

import dev.foyer.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The applications API (update, delete, secret listing) tests again on PostgreSQL: the same migrations and JDBC adapters, in a schema of their own. */
class ApplicationsApiOnPostgresTests extends ApplicationsApiTests {

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.requireServer();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.useOwnSchema(registry, ApplicationsApiOnPostgresTests.class, "admin");
    }
}
