package dev.foyer.admin.api;

import dev.foyer.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The users API (search, profile, enable/disable, delete) tests again on PostgreSQL: the same migrations and JDBC adapters, in a schema of their own. */
class UsersApiOnPostgresTests extends UsersApiTests {

    private static String schemaUrl;

    @BeforeAll
    static void requirePostgres() {
        TestPostgres.requireServer();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", UsersApiOnPostgresTests::schemaUrl);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    private static synchronized String schemaUrl() {
        if (schemaUrl == null) {
            schemaUrl = TestPostgres.newSchemaUrl("admin");
            String url = schemaUrl;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TestPostgres.dropSchemaOf(url)));
        }
        return schemaUrl;
    }
}
