package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.AdminAccess;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Base of the admin API tests: an automation token with {@code foyer.admin} and JSON helpers. */
abstract class AdminApiTest extends AdminEndToEndTest {

    // By server: subclasses on PostgreSQL run their own server, which does not know the others' tokens.
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A client-credentials token with {@code foyer.admin}, shared by the tests on one server. */
    protected String token() {
        return TOKENS.computeIfAbsent(origin(), origin -> clientToken(AdminAccess.SCOPE));
    }

    protected Browser.Response get(String path) {
        return api("GET", path, token());
    }

    protected Browser.Response send(String method, String path, String json) {
        return api(method, path, token(), json, Map.of());
    }

    protected Browser.Response send(String method, String path, String json, Map<String, String> headers) {
        return api(method, path, token(), json, headers);
    }

    /** The response's JSON after checking its status. */
    protected JsonNode expect(Browser.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : jsonOf(response);
    }

    /** Checks a 400 that names {@code field} (and only the fields given). */
    protected void expectInvalid(Browser.Response response, String... fields) {
        JsonNode body = expect(response, 400);
        assertThat(body.get("error").asString()).isEqualTo("invalid_input");
        assertThat(body.get("fields").propertyNames()).containsExactlyInAnyOrder(fields);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.foyer");
    }

    protected static String tenantPath(String tenant) {
        return "/admin/api/v1/tenants/" + tenant;
    }
}
