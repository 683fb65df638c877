package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tenants, app registrations and client secrets created from the portal, with every error shown in place. */
class RegistrationPagesTests extends PortalTest {

    @Test
    void newTenantIsCreatedAndBadOrTakenNamesAreExplained() {
        Browser.Response home = page("/admin");
        Browser.Response reserved = admin.submit(home, "form#newTenantForm", "button#createTenant",
                Map.of("name", "admin", "displayName", "Nope"));
        assertThat(reserved.status()).isEqualTo(400);
        assertThat(reserved.fieldError("name")).contains("reserved");

        Browser.Response taken = admin.submit(home, "form#newTenantForm", "button#createTenant",
                Map.of("name", t.name(), "displayName", "Again"));
        assertThat(taken.status()).isEqualTo(409);

        String name = "fab" + t.name().substring(1);
        Browser.Response created = admin.submit(home, "form#newTenantForm", "button#createTenant",
                Map.of("name", name, "displayName", "Fabrikam"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.uri().getPath()).isEqualTo("/admin/tenants/" + name);
        assertThat(browser().get("/" + name + "/discovery/v2.0/keys?p=B2C_1_none").status())
                .as("the tenant exists (no such flow yet)").isEqualTo(404);
        assertThat(tenants.findByNameOrId(name)).isPresent();
    }

    @Test
    void applicationIsRegisteredGetsASecretShownOnceThatWorksAndCanBeDeleted() {
        Browser.Response apps = page(tenantPath() + "/applications");
        Browser.Response bad = admin.submit(apps, "form#registerForm", "button#register",
                Map.of("displayName", "Portal App", "type", "WEB", "redirectUris", "not a url"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldError("redirectUris")).isNotEmpty();
        assertThat(bad.document().getElementById("displayName").val()).isEqualTo("Portal App");

        Browser.Response registered = admin.submit(apps, "form#registerForm", "button#register",
                Map.of("displayName", "Portal App", "type", "WEB",
                        "redirectUris", "https://portal-app.example/cb\nhttps://portal-app.example/cb2"));
        assertThat(registered.document().getElementById("registered")).as(registered.body()).isNotNull();
        String clientId = registered.uri().getQuery().replace("registered=", "");

        Browser.Response withSecret = admin.submit(registered, "form:has(#secret-" + clientId + ")",
                "#secret-" + clientId, Map.of());
        String secret = withSecret.document().getElementById("newSecret").text();
        assertThat(secret).hasSizeGreaterThan(30);
        assertThat(page(tenantPath() + "/applications").body()).as("shown once").doesNotContain(secret);

        Browser.Response token = tokenWith(clientId, secret);
        assertThat(token.status()).as("the secret authenticates the app").isNotEqualTo(401);

        Browser.Response deleted = admin.submit(page(tenantPath() + "/applications"),
                "form:has(#delete-" + clientId + ")", "#delete-" + clientId, Map.of());
        assertThat(deleted.document().getElementById("deleted")).isNotNull();
        assertThat(deleted.body()).doesNotContain(clientId);
    }

    private Browser.Response tokenWith(String clientId, String secret) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                            .getBytes()))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x"
                            + "&redirect_uri=https%3A%2F%2Fportal-app.example%2Fcb")).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
