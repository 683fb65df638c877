package dev.foyer.admin.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may use the admin API and the portal: each kind of caller, accepted or refused. */
class AdminAccessTests extends AdminEndToEndTest {

    @Test
    void anonymousCallerIsRefusedWith401() {
        Browser.Response response = api("GET", "/admin/api/v1/me", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
        assertThat(api("GET", "/admin/api/v1/me", "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void userOfAnotherTenantIsRefused() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Map<String, String> response = appResponse(signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())),
                uniqueEmail(), PASSWORD), t.webRedirectUri());
        String accessToken = jsonOf(token(t, "B2C_1_susi", Map.of("grant_type", "authorization_code",
                "code", response.get("code"), "redirect_uri", t.webRedirectUri()))).get("access_token").asString();
        assertThat(api("GET", "/admin/api/v1/me", accessToken).status()).isEqualTo(401);
    }

    @Test
    void applicationWithTheAdminScopeIsAcceptedAndOneWithoutItCannotEvenGetAToken() {
        Browser.Response me = api("GET", "/admin/api/v1/me", clientToken(AdminAccess.SCOPE));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(jsonOf(me).get("kind").asString()).isEqualTo("client");
        assertThat(jsonOf(me).get("readOnly").asBoolean()).isFalse();
    }

    @Test
    void readOnlyScopeIsAcceptedForReading() {
        Browser.Response me = api("GET", "/admin/api/v1/me", clientToken(AdminAccess.READ_SCOPE));
        assertThat(me.status()).isEqualTo(200);
        assertThat(jsonOf(me).get("readOnly").asBoolean()).isTrue();
    }

    @Test
    void administratorWhoProvedMfaIsAccepted() {
        String email = newAdministrator();
        Browser.Response me = api("GET", "/admin/api/v1/me", administratorToken(email));
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(jsonOf(me).get("kind").asString()).isEqualTo("admin");
        assertThat(jsonOf(me).get("name").asString()).isEqualTo(email);
    }

    @Test
    void administratorWithoutMfaIsRefusedWith403() {
        String email = newAdministrator();
        UserFlow admin = TenantContext.call(system.tenant(), () -> flows.findByName(SystemTenant.FLOW).orElseThrow());
        TenantContext.run(system.tenant(), () -> flows.update(withMfa(admin, MfaSettings.OFF), admin.version()));
        String token;
        try {
            token = passwordOnlyToken(email);
        } finally {
            UserFlow changed = TenantContext.call(system.tenant(), () -> flows.findByName(SystemTenant.FLOW).orElseThrow());
            TenantContext.run(system.tenant(), () -> flows.update(withMfa(changed, MfaSettings.ENABLED),
                    changed.version()));
        }
        Browser.Response me = api("GET", "/admin/api/v1/me", token);
        assertThat(me.status()).isEqualTo(403);
        assertThat(jsonOf(me).get("error_description").asString()).contains("multi-factor");
    }

    @Test
    void portalSendsAnonymousVisitorsToTheAdminFlowAndLetsAnAdministratorWithMfaIn() {
        Browser anonymous = browser();
        Browser.Response redirect = anonymous.get("/admin");
        assertThat(redirect.status()).isEqualTo(302);
        Browser.Response signInPage = anonymous.open("/admin");
        assertThat(signInPage.uri().getPath()).startsWith("/system/b2c_1_admin/journey/");
        assertThat(signInPage.document().getElementById("createAccount")).as("no sign-up for administrators").isNull();

        String email = newAdministrator();
        Browser browser = browser();
        Browser.Response home = signInToPortal(browser, email);
        assertThat(home.document().getElementById("admin").text()).isEqualTo(email);
    }

    @Test
    void portalRefusesAForgedCallbackAndFormsWithoutTheCsrfToken() {
        Browser browser = browser();
        browser.get("/admin/signin");
        Browser.Response forged = browser.post("/admin/callback", Map.of("id_token", "eyJhbGciOiJub25lIn0.e30.",
                "state", "whatever"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/admin").status()).as("still not signed in").isEqualTo(302);

        String email = newAdministrator();
        Browser admin = browser();
        signInToPortal(admin, email);
        assertThat(admin.post("/admin/signout", Map.of()).status()).isEqualTo(403);
        assertThat(admin.get("/admin").status()).as("still signed in").isEqualTo(200);
    }

    private String passwordOnlyToken(String email) {
        Browser browser = browser();
        String[] cli = TenantContext.call(system.tenant(), () -> {
            var app = applications.register(new dev.foyer.application.Application(java.util.UUID.randomUUID(),
                    "No-MFA CLI", dev.foyer.application.ApplicationType.WEB, java.util.List.of("https://nomfa.example/cb"),
                    java.util.Optional.empty()));
            return new String[] {app.clientId().toString(), clientSecrets.issue(app.clientId()).secret()};
        });
        Browser.Response done = signIn(browser, browser.open("/system/b2c_1_admin/oauth2/v2.0/authorize?client_id="
                + cli[0] + "&redirect_uri=https%3A%2F%2Fnomfa.example%2Fcb&response_type=code&scope=openid"), email,
                PASSWORD);
        String code = appResponse(done, "https://nomfa.example/cb").get("code");
        String basic = java.util.Base64.getEncoder().encodeToString((cli[0] + ":" + cli[1]).getBytes());
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(origin() + "/system/b2c_1_admin/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Browser.encode(Map.of(
                            "grant_type", "authorization_code", "code", code, "redirect_uri", "https://nomfa.example/cb"))))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return json.readTree(response.body()).get("access_token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserFlow withMfa(UserFlow flow, MfaSettings mfa) {
        return new UserFlow(flow.id(), flow.name(), flow.type(),
                flow.definition().withProperties(flow.properties().withMfa(mfa)), flow.version());
    }
}
