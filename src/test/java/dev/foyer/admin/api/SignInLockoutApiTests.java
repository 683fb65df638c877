package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Sign-in lockout in the admin API: a user's {@code lockedUntil}, {@code POST .../unlock} (audited)
 * and the tenant's {@code settings/signInLockout}, validated with nothing changed on bad values.
 */
class SignInLockoutApiTests extends AdminApiTest {

    private static final String LOCKED =
            "Your account is temporarily locked to prevent unauthorized use. Try again later.";

    @Test
    void unlockEndsALockoutShownAsLockedUntilAndIsAudited() {
        TestTenant t = newTenant();
        expect(send("PUT", settings(t), "{\"threshold\":3}"), 200);
        String email = uniqueEmail();
        JsonNode created = expect(send("POST", tenantPath(t.name()) + "/users", """
                {"email":"%s","password":"%s"}""".formatted(email, PASSWORD)), 201);
        String user = tenantPath(t.name()) + "/users/" + created.get("objectId").asString();
        assertThat(created.get("lockedUntil").isNull()).isTrue();

        Browser.Response locked = wrongPasswords(t, email, 3);
        assertThat(locked.pageError()).isEqualTo(LOCKED);
        assertThat(expect(get(user), 200).get("lockedUntil").isNull()).as("locked").isFalse();
        assertThat(expect(get(tenantPath(t.name()) + "/users?search=" + email), 200).get(0).get("lockedUntil")
                .isNull()).as("in a search too").isFalse();

        JsonNode unlocked = expect(send("POST", user + "/unlock", null), 200);

        assertThat(unlocked.get("lockedUntil").isNull()).isTrue();
        assertThat(expect(get(user), 200).get("lockedUntil").isNull()).isTrue();
        Browser browser = browser();
        assertThat(appResponse(signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD),
                t.webRedirectUri())).containsKey("code");
        List<Map<String, Object>> events = jdbc.sql("select actor, subject_user_id, target, details from audit_event"
                        + " where tenant_id = ? and event_type = 'signIn.unlocked'")
                .param(t.tenant().id()).query().listOfRows();
        assertThat(events).hasSize(1);
        assertThat(String.valueOf(events.get(0).get("actor"))).startsWith("client:");
        assertThat(String.valueOf(events.get(0).get("subject_user_id"))).isEqualTo(created.get("objectId").asString());
        assertThat(events.get(0).get("target")).isEqualTo(email);
        assertThat(String.valueOf(events.get(0).get("details"))).contains("\"wasLocked\":true");
    }

    @Test
    void unlockWhenTheUserIsUnknownThen404() {
        TestTenant t = newTenant();
        expect(send("POST", tenantPath(t.name()) + "/users/00000000-0000-0000-0000-000000000000/unlock", null), 404);
        expect(send("POST", tenantPath(t.name()) + "/users/not-a-guid/unlock", null), 404);
    }

    @Test
    void settingsShowTheServerDefaultsUntilReplacedAndAFieldLeftOutTakesTheDefault() {
        TestTenant t = newTenant();
        JsonNode defaults = expect(get(settings(t)), 200);
        assertThat(defaults.get("threshold").asInt()).isEqualTo(10);
        assertThat(defaults.get("lockoutSeconds").asInt()).isEqualTo(60);
        assertThat(defaults.get("maxLockoutSeconds").asInt()).isEqualTo(14_400);
        assertThat(defaults.get("failuresPerIp").asInt()).isEqualTo(30);
        assertThat(defaults.get("ipWindowSeconds").asInt()).isEqualTo(600);

        JsonNode replaced = expect(send("PUT", settings(t), "{\"threshold\":5,\"lockoutSeconds\":120,"
                + "\"failuresPerIp\":100}"), 200);

        assertThat(replaced).isEqualTo(expect(get(settings(t)), 200));
        assertThat(replaced.get("threshold").asInt()).isEqualTo(5);
        assertThat(replaced.get("lockoutSeconds").asInt()).isEqualTo(120);
        assertThat(replaced.get("maxLockoutSeconds").asInt()).isEqualTo(14_400);
        assertThat(replaced.get("failuresPerIp").asInt()).isEqualTo(100);
        assertThat(expect(get(settings(newTenant())), 200)).as("another tenant").isEqualTo(defaults);
        assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and event_type = 'admin.change'"
                + " and target = 'signInLockout'").param(t.tenant().id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void settingsWhenAValueIsBadThen400NamingItAndNothingChanged() {
        TestTenant t = newTenant();
        JsonNode before = expect(send("PUT", settings(t), "{\"threshold\":4}"), 200);

        expectInvalid(send("PUT", settings(t), "{\"threshold\":0}"), "threshold");
        expectInvalid(send("PUT", settings(t), "{\"threshold\":-3,\"lockoutSeconds\":0,\"failuresPerIp\":0}"),
                "threshold", "lockoutSeconds", "failuresPerIp");
        expectInvalid(send("PUT", settings(t), "{\"lockoutSeconds\":600,\"maxLockoutSeconds\":300}"),
                "maxLockoutSeconds");
        expectInvalid(send("PUT", settings(t), "{\"maxLockoutSeconds\":86401,\"ipWindowSeconds\":30}"),
                "maxLockoutSeconds", "ipWindowSeconds");
        expectInvalid(send("PUT", settings(t), "{\"threshold\":\"ten\"}"), "threshold");
        expectInvalid(send("PUT", settings(t), "{\"threshold\":2.5}"), "threshold");
        expectInvalid(send("PUT", settings(t), "{\"treshold\":3}"), "treshold");
        expectInvalid(send("PUT", settings(t), "[3]"), "body");

        assertThat(expect(get(settings(t)), 200)).isEqualTo(before);
    }

    @Test
    void openApiDescribesTheSettingsBody() {
        JsonNode description = expect(api("GET", "/admin/api/v1/openapi.json", null), 200);

        assertThat(description.get("paths").get("/admin/api/v1/tenants/{tenant}/settings/signInLockout")
                .propertyNames()).contains("get", "put");
        assertThat(description.get("components").get("schemas").get("LockoutBody").get("properties").propertyNames())
                .containsExactlyInAnyOrder("threshold", "lockoutSeconds", "maxLockoutSeconds", "failuresPerIp",
                        "ipWindowSeconds");
    }

    private Browser.Response wrongPasswords(TestTenant t, String email, int times) {
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        for (int i = 1; i <= times; i++) {
            page = signIn(browser, page, email, "Wrong-Horse-" + i);
        }
        return page;
    }

    private static String settings(TestTenant t) {
        return tenantPath(t.name()) + "/settings/signInLockout";
    }
}
