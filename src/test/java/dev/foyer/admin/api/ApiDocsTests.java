package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import org.junit.jupiter.api.Test;

/** The admin API's OpenAPI description and browsable UI: public, and limited to the admin API. */
class ApiDocsTests extends AdminEndToEndTest {

    @Test
    void probe() {
        Browser.Response d = api("GET", "/admin/api/v1/openapi.json", null);
        System.out.println("DOC " + d.status() + " " + d.body().substring(0, Math.min(3000, d.body().length())));
        for (String path : new String[] {"/admin/api/v1/docs", "/admin/api/v1/docs/", "/admin/api/v1/docs/index.html", "/admin/api/v1/docs/swagger-ui/index.html", "/admin/api/v1/openapi.json/swagger-config"}) {
            Browser.Response r = api("GET", path, null);
            System.out.println("UIX " + path + " " + r.status() + " " + r.headers().get("location") + " " + r.body().substring(0, Math.min(1500, r.body().length())));
        }
        Browser.Response ui = api("GET", "/admin/api/v1/docs", null);
        System.out.println("UI " + ui.status() + " " + ui.uri() + " " + ui.headers() + " " + ui.body().substring(0, Math.min(2000, ui.body().length())));
        String token = clientToken(dev.foyer.admin.access.AdminAccess.SCOPE);
        Browser.Response f = api("GET", "/admin/api/v1/tenants/system/userFlows", token);
        System.out.println("FLOWS " + f.status() + " " + f.body());
        Browser.Response t = api("POST", "/admin/api/v1/tenants", token, "{\"name\":\"Bad Name\",\"displayName\":\"\"}", java.util.Map.of());
        System.out.println("BAD " + t.status() + " " + t.body());
        t = api("POST", "/admin/api/v1/tenants", token, "{\"name\":\"x\",\"nope\":1}", java.util.Map.of());
        System.out.println("UNK " + t.status() + " " + t.body());
        t = api("GET", "/admin/api/v1/tenants/system/keys", token);
        System.out.println("KEYS " + t.status() + " " + t.body());
    }
}
