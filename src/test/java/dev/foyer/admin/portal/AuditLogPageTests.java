package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's audit log page: what happened in the tenant, filterable, with no secrets. */
class AuditLogPageTests extends PortalTest {

    @Test
    void failedSignInAndAnAdministratorsChangeAreListedAndFilterable() {
        String email = uniqueEmail();
        Browser person = browser();
        signUp(person, person.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        Browser attacker = browser();
        signIn(attacker, attacker.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, "Guess-12345");

        Browser.Response properties = page(flowPath("B2C_1_susi") + "/properties");
        Browser.Response saved = admin.submit(properties, "form#propertiesForm", "button#save",
                Map.of("mfa", "enabled"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);

        Browser.Response log = page(tenantPath() + "/auditLog");
        assertThat(log.document().select("#events td.type").eachText())
                .contains("signIn.failed", "signUp.succeeded", "admin.change");
        assertThat(log.body()).doesNotContain("Guess-12345").doesNotContain(PASSWORD);

        Browser.Response failed = page(tenantPath() + "/auditLog?type=signIn.failed");
        assertThat(failed.document().select("#events td.type").eachText()).containsOnly("signIn.failed");
        assertThat(failed.body()).contains(email);

        Browser.Response badUser = page(tenantPath() + "/auditLog?user=nobody");
        assertThat(badUser.fieldError("user")).contains("GUID");
    }
}
