package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.AdminAccess;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Changes made through the admin API land in the tenant's audit log: who, what, before and after. */
class AdminChangesAuditTests extends AdminEndToEndTest {

    @Test
    void enablingMfaAndRemovingAPhoneAreRecordedWithTheCallerAndNoSecrets() {
        TestTenant t = newTenant();
        String token = clientToken(AdminAccess.SCOPE);
        String flowPath = "/admin/api/v1/tenants/" + t.name() + "/userFlows/B2C_1_susi";
        String etag = api("GET", flowPath, token).header("ETag").orElseThrow();
        Browser.Response enabled = api("PUT", flowPath + "/mfa", token, "{\"enabled\":true}", Map.of("If-Match", etag));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);

        Browser.Response created = api("POST", "/admin/api/v1/tenants/" + t.name() + "/applications", token,
                "{\"displayName\":\"Audited\",\"type\":\"WEB\",\"redirectUris\":[\"https://audited.example/cb\"]}",
                Map.of());
        String clientId = jsonOf(created).get("clientId").asString();
        Browser.Response secret = api("POST", "/admin/api/v1/tenants/" + t.name() + "/applications/" + clientId
                + "/secrets", token, "{}", Map.of());
        String secretValue = jsonOf(secret).get("secret").asString();

        Browser.Response log = api("GET", "/admin/api/v1/tenants/" + t.name() + "/auditLog?type=admin.change", token);
        JsonNode events = jsonOf(log).get("events");
        assertThat(events.size()).isEqualTo(3);
        JsonNode mfa = events.get(2);
        assertThat(mfa.get("actor").asString()).startsWith("client:");
        assertThat(mfa.get("target").asString()).isEqualTo("B2C_1_susi");
        assertThat(mfa.get("details").get("before").toString()).contains("OFF");
        assertThat(mfa.get("details").get("after").toString()).contains("ALWAYS_ON");
        assertThat(log.body()).doesNotContain(secretValue);
    }
}
