package dev.foyer.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.AdminEndToEndTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** FOYER_ADMIN_EMAIL and FOYER_ADMIN_PASSWORD create the first administrator; no setup link is printed. */
@ExtendWith(OutputCaptureExtension.class)
class AdminFromEnvironmentTests extends AdminEndToEndTest {

    private static final String DATA_DIR = "./target/test-data/admin-env-" + UUID.randomUUID();

    @DynamicPropertySource
    static void administratorFromEnvironment(DynamicPropertyRegistry registry) {
        // A database of its own (the data directory itself is shared by the end-to-end base class).
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA_DIR + "/foyer");
        registry.add("foyer.admin.bootstrap.email", () -> "ops@example.com");
        registry.add("foyer.admin.bootstrap.password", () -> PASSWORD);
    }

    @Test
    void administratorFromTheEnvironmentSignsInToThePortal(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("/admin/setup?token=");
        assertThat(signInToPortal(browser(), "ops@example.com").document().getElementById("admin").text())
                .isEqualTo("ops@example.com");
    }
}
