package dev.foyer.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A first start without FOYER_ADMIN_EMAIL prints a one-time setup link; whoever opens it creates
 * the first administrator, once, who then signs in to the portal with MFA.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminSetupLinkTests extends AdminEndToEndTest {

    private static final String DATA_DIR = "./target/test-data/setup-" + UUID.randomUUID();

    @DynamicPropertySource
    static void freshServer(DynamicPropertyRegistry registry) {
        // A database of its own (the data directory itself is shared by the end-to-end base class).
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA_DIR + "/foyer");
    }

    @Test
    void setupLinkFromTheLogCreatesTheFirstAdministratorOnce(CapturedOutput output) {
        Matcher link = Pattern.compile("/admin/setup\\?token=([A-Za-z0-9_-]{43})").matcher(output.getAll());
        assertThat(link.find()).as("the log prints a setup link:\n" + output.getAll()).isTrue();
        String setup = "/admin/setup?token=" + link.group(1);

        Browser browser = browser();
        assertThat(browser.get("/admin/setup?token=wrong").status()).isEqualTo(404);
        Browser.Response form = browser.get(setup);
        assertThat(form.status()).isEqualTo(200);

        Browser.Response weak = browser.submit(form, "form#setup", "button#create",
                Map.of("email", "root@example.com", "newPassword", "short", "reenterPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.fieldError("newPassword")).contains("between 8 and 64");

        Browser.Response done = browser.submit(form, "form#setup", "button#create", Map.of("email", "root@example.com",
                "newPassword", PASSWORD, "reenterPassword", PASSWORD));
        assertThat(done.document().getElementById("message").text()).contains("root@example.com");
        assertThat(browser.get(setup).status()).as("the link works once").isEqualTo(404);

        Browser.Response home = signInToPortal(browser(), "root@example.com");
        assertThat(home.document().getElementById("admin").text()).isEqualTo("root@example.com");
    }
}
