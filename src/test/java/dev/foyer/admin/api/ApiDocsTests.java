package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin API's OpenAPI description and browsable UI: public, limited to the admin API. */
class ApiDocsTests extends AdminApiTest {

    private static final String STRICT_STYLES = "style-src 'self';";

    @Test
    void descriptionIsPublicAndDescribesOnlyTheAdminApiWithBearerTokens() {
        Browser.Response response = api("GET", "/admin/api/v1/openapi.json", null);
        JsonNode description = expect(response, 200);
        assertThat(description.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
        assertThat(description.get("paths").propertyNames()).isNotEmpty()
                .allMatch(path -> path.startsWith("/admin/api/v1/"))
                .contains("/admin/api/v1/tenants/{tenant}/userFlows/{name}", "/admin/api/v1/tenants/{tenant}/users",
                        "/admin/api/v1/tenants/{tenant}/users/{objectId}/unlock",
                        "/admin/api/v1/tenants/{tenant}/settings/signInLockout",
                        "/admin/api/v1/tenants/{tenant}/settings/phone",
                        "/admin/api/v1/tenants/{tenant}/identityProviders",
                        "/admin/api/v1/tenants/{tenant}/identityProviders/{id}",
                        "/admin/api/v1/tenants/{tenant}/users/{objectId}/identities");
        assertThat(description.get("paths").get("/admin/api/v1/tenants/{tenant}/identityProviders/{id}")
                .propertyNames()).contains("get", "put", "patch", "delete");
        JsonNode phone = description.get("paths").get("/admin/api/v1/tenants/{tenant}/settings/phone");
        assertThat(phone.propertyNames()).contains("get", "put");
    }

    @Test
    void uiLoadsUnderTheDocsPathWithInlineStylesAllowedThereOnly() {
        Browser browser = browser();
        Browser.Response redirect = browser.get("/admin/api/v1/docs");
        assertThat(redirect.status()).isEqualTo(302);
        Browser.Response page = browser.follow(redirect);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.uri().getPath()).startsWith("/admin/api/v1/docs/");
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("script:not([src])")).as("no inline script").isEmpty();
        String policy = page.header("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("style-src 'self' 'unsafe-inline'").contains("script-src 'self';");
        for (var script : html.select("script[src]")) {
            String src = page.uri().resolve(script.attr("src")).getPath();
            assertThat(browser.get(src).status()).as(src).isEqualTo(200);
        }
        Browser.Response initializer = browser.get("/admin/api/v1/docs/swagger-ui/swagger-initializer.js");
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(initializer.body()).as("the UI opens Foyer's description, not swagger-ui's example")
                .contains("url: \"/admin/api/v1/openapi.json\"").doesNotContain("petstore");

        assertThat(browser.get("/admin/api/v1/openapi.json").header("Content-Security-Policy").orElseThrow())
                .contains(STRICT_STYLES);
        assertThat(api("GET", "/admin/api/v1/me", null).header("Content-Security-Policy").orElseThrow())
                .contains(STRICT_STYLES);
        assertThat(browser.get("/").header("Content-Security-Policy").orElseThrow()).contains(STRICT_STYLES);
    }
}
