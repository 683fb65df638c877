package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.AdminAccess;
import dev.foyer.admin.access.SystemTenant;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /tenants/{tenant}/applications}: registrations, secrets, permissions. */
class ApplicationsApiTests extends AdminApiTest {

    private static final String WEB_APP = """
            {"displayName":"Billing","type":"WEB","redirectUris":["https://billing.example/cb"],
             "logoutUrl":"https://billing.example/bye"}""";

    @Test
    void registerReadUpdateDelete() {
        String base = tenantPath(newTenant().name()) + "/applications";
        JsonNode created = expect(send("POST", base, WEB_APP), 201);
        String app = base + "/" + created.get("clientId").asString();
        assertThat(expect(get(app), 200).get("redirectUris").get(0).asString()).isEqualTo("https://billing.example/cb");
        assertThat(expect(get(base), 200).findValuesAsString("displayName")).contains("Billing", "Web App");

        JsonNode updated = expect(send("PATCH", app,
                "{\"displayName\":\"Billing 2\",\"redirectUris\":[\"https://billing.example/cb\",\"http://localhost:5000/cb\"]}"),
                200);
        assertThat(updated.get("displayName").asString()).isEqualTo("Billing 2");
        assertThat(updated.get("redirectUris").size()).isEqualTo(2);
        assertThat(updated.get("logoutUrl").asString()).isEqualTo("https://billing.example/bye");

        assertThat(send("DELETE", app, null).status()).isEqualTo(204);
        assertThat(expect(get(app), 404).get("error").asString()).isEqualTo("not_found");
    }

    @Test
    void registerOrUpdateWhenInvalidThen400NamingEachFieldAndNothingChanged() {
        String base = tenantPath(newTenant().name()) + "/applications";
        int before = expect(get(base), 200).size();
        expectInvalid(send("POST", base, "{\"displayName\":\"x\",\"type\":\"WEB\",\"redirectUris\":[\"http://evil.example/cb\"]}"),
                "redirectUris");
        expectInvalid(send("POST", base, "{\"displayName\":\"x\",\"type\":\"DAEMON\",\"redirectUris\":[]}"), "type");
        expectInvalid(send("POST", base, "{\"displayName\":\"\",\"type\":\"SPA\",\"redirectUris\":[\"https://a.example/#x\"],"
                + "\"logoutUrl\":\"javascript:alert(1)\"}"), "displayName", "redirectUris", "logoutUrl");
        expectInvalid(send("POST", base, "{\"displayName\":\"x\",\"type\":\"WEB\",\"redirectUris\":\"https://a.example\"}"),
                "redirectUris");
        assertThat(expect(get(base), 200).size()).isEqualTo(before);

        String app = base + "/" + expect(send("POST", base, WEB_APP), 201).get("clientId").asString();
        expectInvalid(send("PATCH", app, "{\"redirectUris\":[\"ftp://x.example/\"]}"), "redirectUris");
        expectInvalid(send("PATCH", app, "{\"type\":\"SPA\"}"), "type");
        assertThat(expect(get(app), 200).get("redirectUris").get(0).asString()).isEqualTo("https://billing.example/cb");
    }

    @Test
    void unknownApplicationOrSecretIs404() {
        String base = tenantPath(newTenant().name()) + "/applications";
        assertThat(get(base + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get(base + "/not-a-guid/secrets").status()).isEqualTo(404);
        String app = base + "/" + expect(send("POST", base, WEB_APP), 201).get("clientId").asString();
        assertThat(send("DELETE", app + "/secrets/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void secretIsShownOnceWorksAtTheTokenEndpointAndStopsWorkingWhenRevoked() {
        TestTenant t = newTenant();
        String base = tenantPath(t.name()) + "/applications/" + t.webClientId() + "/secrets";
        JsonNode created = expect(send("POST", base, null), 201);
        String secret = created.get("secret").asString();
        assertThat(secret).hasSizeGreaterThan(20).startsWith(created.get("hint").asString());

        TestTenant withNewSecret = new TestTenant(t.tenant(), t.webClientId(), secret, t.webRedirectUri(),
                t.spaClientId(), t.spaRedirectUri());
        Browser.Response accepted = token(withNewSecret, "B2C_1_susi", Map.of("grant_type", "authorization_code",
                "code", "unknown", "redirect_uri", t.webRedirectUri()));
        assertThat(accepted.status()).as("client authenticated, code refused: " + accepted.body()).isEqualTo(400);
        assertThat(accepted.body()).contains("invalid_grant");

        Browser.Response listed = get(base);
        assertThat(listed.body()).doesNotContain(secret);
        assertThat(jsonOf(listed).findValuesAsString("id")).contains(created.get("id").asString());
        assertThat(listed.body()).doesNotContain("\"secret\"");

        assertThat(send("DELETE", base + "/" + created.get("id").asString(), null).status()).isEqualTo(204);
        Browser.Response refused = token(withNewSecret, "B2C_1_susi", Map.of("grant_type", "authorization_code",
                "code", "unknown", "redirect_uri", t.webRedirectUri()));
        assertThat(refused.status()).isEqualTo(401);
        JsonNode revoked = jsonOf(get(base));
        for (JsonNode s : revoked) {
            if (s.get("id").asString().equals(created.get("id").asString())) {
                assertThat(s.get("revoked").asBoolean()).isTrue();
            }
        }
        assertThat(send("POST", tenantPath(t.name()) + "/applications/" + t.spaClientId() + "/secrets", null).status())
                .as("single-page apps have no secrets").isEqualTo(400);
    }

    @Test
    void administratorGrantsTheAdminScopeToAutomationThroughTheApi() {
        String base = tenantPath(SystemTenant.NAME) + "/applications";
        String clientId = expect(send("POST", base, "{\"displayName\":\"CI\",\"type\":\"WEB\",\"redirectUris\":[]}"), 201)
                .get("clientId").asString();
        expectInvalid(send("PUT", base + "/" + clientId + "/permissions/openid", null), "scope");
        JsonNode granted = expect(send("PUT", base + "/" + clientId + "/permissions/" + AdminAccess.READ_SCOPE, null), 200);
        assertThat(granted.get("scopes").get(0).asString()).isEqualTo(AdminAccess.READ_SCOPE);
        String secret = expect(send("POST", base + "/" + clientId + "/secrets", null), 201).get("secret").asString();

        TestTenant system = new TestTenant(this.system.tenant(), UUID.fromString(clientId), secret, null, null, null);
        Browser.Response token = token(system, ADMIN_FLOW, Map.of("grant_type", "client_credentials",
                "scope", AdminAccess.READ_SCOPE));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        String accessToken = jsonOf(token).get("access_token").asString();
        assertThat(api("GET", "/admin/api/v1/tenants", accessToken).status()).isEqualTo(200);
        assertThat(api("POST", "/admin/api/v1/tenants", accessToken, "{}", Map.of()).status()).isEqualTo(403);

        expect(send("DELETE", base + "/" + clientId + "/permissions/" + AdminAccess.READ_SCOPE, null), 200);
        assertThat(api("GET", "/admin/api/v1/tenants", accessToken).status()).as("permission gone").isEqualTo(403);
        expectInvalid(send("PUT", tenantPath(newTenant().name()) + "/applications/" + UUID.randomUUID()
                + "/permissions/" + AdminAccess.SCOPE, null), "tenant");
    }

    @Test
    void portalApplicationOfTheSystemTenantCannotBeDeleted() {
        String portal = expect(get(tenantPath(SystemTenant.NAME) + "/applications"), 200).findParents("displayName")
                .stream().filter(a -> a.get("displayName").asString().equals(SystemTenant.PORTAL_APP)).findFirst()
                .orElseThrow().get("clientId").asString();
        assertThat(send("DELETE", tenantPath(SystemTenant.NAME) + "/applications/" + portal, null).status())
                .isEqualTo(409);
    }
}
