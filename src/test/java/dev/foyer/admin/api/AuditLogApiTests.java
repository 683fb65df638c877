package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.AdminAccess;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The audit log through the admin API: what happened in a tenant, newest first, filtered. */
class AuditLogApiTests extends AdminEndToEndTest {

    @Test
    void signUpAndAFailedSignInAreQueryableByType() {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        Browser other = browser();
        signIn(other, other.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, "Wrong-password-1");
        String token = clientToken(AdminAccess.READ_SCOPE);

        Browser.Response all = api("GET", "/admin/api/v1/tenants/" + t.name() + "/auditLog", token);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        assertThat(types(all)).containsSubsequence("signIn.failed", "signUp.succeeded", "email.codeVerified",
                "email.codeSent");
        assertThat(all.body()).doesNotContain("Wrong-password-1").doesNotContain(PASSWORD);

        Browser.Response failed = api("GET", "/admin/api/v1/tenants/" + t.tenant().id() + "/auditLog?type=signIn.failed",
                token);
        assertThat(types(failed)).containsExactly("signIn.failed");
        JsonNode event = jsonOf(failed).get("events").get(0);
        assertThat(event.get("target").asString()).isEqualTo(email);
    }

    @Test
    void badFiltersAreNamedAndUnknownTenantsAre404() {
        TestTenant t = newTenant();
        String token = clientToken(AdminAccess.READ_SCOPE);
        Browser.Response bad = api("GET", "/admin/api/v1/tenants/" + t.name()
                + "/auditLog?limit=abc&from=yesterday&userId=nobody", token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(jsonOf(bad).get("fields").has("limit")).isTrue();
        assertThat(jsonOf(bad).get("fields").has("from")).isTrue();
        assertThat(jsonOf(bad).get("fields").has("userId")).isTrue();
        assertThat(api("GET", "/admin/api/v1/tenants/no-such-tenant/auditLog", token).status()).isEqualTo(404);
    }

    @Test
    void theAuditLogRefusesAnonymousCallersAndCannotBeChanged() {
        TestTenant t = newTenant();
        assertThat(api("GET", "/admin/api/v1/tenants/" + t.name() + "/auditLog", null).status()).isEqualTo(401);
        String token = clientToken(AdminAccess.SCOPE);
        assertThat(api("DELETE", "/admin/api/v1/tenants/" + t.name() + "/auditLog", token).status()).isEqualTo(405);
    }

    private List<String> types(Browser.Response response) {
        List<String> types = new ArrayList<>();
        jsonOf(response).get("events").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }
}
