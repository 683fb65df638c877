package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /tenants} and {@code /tenants/{tenant}/keys}. */
class TenantsApiTests extends AdminApiTest {

    private static String uniqueName() {
        return "tenant-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createWhenValidThenTenantIsListedReadableByNameOrIdAndHasASigningKey() {
        String name = uniqueName();
        JsonNode created = expect(send("POST", "/admin/api/v1/tenants",
                "{\"name\":\"" + name + "\",\"displayName\":\"Fabrikam\"}"), 201);
        String id = created.get("id").asString();
        assertThat(created.get("name").asString()).isEqualTo(name);

        assertThat(expect(get("/admin/api/v1/tenants"), 200).findValuesAsString("name")).contains(name, "system");
        assertThat(expect(get(tenantPath(name)), 200).get("id").asString()).isEqualTo(id);
        assertThat(expect(get(tenantPath(id)), 200).get("displayName").asString()).isEqualTo("Fabrikam");

        JsonNode keys = expect(get(tenantPath(name) + "/keys"), 200);
        assertThat(keys.size()).isEqualTo(1);
        assertThat(keys.get(0).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(keys.get(0).has("n")).as("no key material").isFalse();
    }

    @Test
    void updateWhenDisplayNameGivenThenOnlyItChanges() {
        String name = uniqueName();
        expect(send("POST", "/admin/api/v1/tenants", "{\"name\":\"" + name + "\",\"displayName\":\"Old\"}"), 201);
        JsonNode updated = expect(send("PATCH", tenantPath(name), "{\"displayName\":\"New name\"}"), 200);
        assertThat(updated.get("displayName").asString()).isEqualTo("New name");
        expectInvalid(send("PATCH", tenantPath(name), "{\"displayName\":\"\"}"), "displayName");
        expectInvalid(send("PATCH", tenantPath(name), "{\"name\":\"renamed\",\"displayName\":\"x\"}"), "name");
        assertThat(expect(get(tenantPath(name)), 200).get("displayName").asString()).isEqualTo("New name");
    }

    @Test
    void createWhenNameIsBadOrReservedThen400NamingTheFieldAndNothingCreated() {
        expectInvalid(send("POST", "/admin/api/v1/tenants", "{\"name\":\"Bad Name\",\"displayName\":\"x\"}"), "name");
        expectInvalid(send("POST", "/admin/api/v1/tenants", "{\"name\":\"ab\",\"displayName\":\"x\"}"), "name");
        expectInvalid(send("POST", "/admin/api/v1/tenants", "{\"name\":\"admin\",\"displayName\":\"x\"}"), "name");
        expectInvalid(send("POST", "/admin/api/v1/tenants", "{\"name\":\"oauth2\",\"displayName\":\"x\"}"), "name");
        String name = uniqueName();
        expectInvalid(send("POST", "/admin/api/v1/tenants", "{\"name\":\"" + name + "\"}"), "displayName");
        expectInvalid(send("POST", "/admin/api/v1/tenants", "{\"name\":7,\"displayName\":[]}"), "displayName");
        expectInvalid(send("POST", "/admin/api/v1/tenants", "{not json"), "body");
        assertThat(get(tenantPath(name)).status()).isEqualTo(404);
        assertThat(get(tenantPath("admin")).status()).isEqualTo(404);
    }

    @Test
    void createWhenNameTakenThen409() {
        String name = uniqueName();
        expect(send("POST", "/admin/api/v1/tenants", "{\"name\":\"" + name + "\",\"displayName\":\"One\"}"), 201);
        JsonNode conflict = expect(send("POST", "/admin/api/v1/tenants",
                "{\"name\":\"" + name + "\",\"displayName\":\"Two\"}"), 409);
        assertThat(conflict.get("error").asString()).isEqualTo("conflict");
        assertThat(expect(send("POST", "/admin/api/v1/tenants", "{\"name\":\"system\",\"displayName\":\"x\"}"), 400)
                .get("fields").has("name")).isTrue();
        assertThat(expect(get(tenantPath(name)), 200).get("displayName").asString()).isEqualTo("One");
    }

    @Test
    void unknownTenantIs404Everywhere() {
        assertThat(expect(get(tenantPath("no-such-tenant")), 404).get("error").asString()).isEqualTo("not_found");
        assertThat(get(tenantPath("no-such-tenant") + "/applications").status()).isEqualTo(404);
        assertThat(get(tenantPath(UUID.randomUUID().toString()) + "/users").status()).isEqualTo(404);
        assertThat(send("POST", tenantPath("no-such-tenant") + "/keys/rotate", null).status()).isEqualTo(404);
    }

    @Test
    void rotateThenNewKeyIsActiveAndTheOldOneStaysPublished() {
        String tenant = newTenant().name();
        String before = expect(get(tenantPath(tenant) + "/keys"), 200).get(0).get("kid").asString();
        JsonNode rotated = expect(send("POST", tenantPath(tenant) + "/keys/rotate", null), 200);
        assertThat(rotated.get("kid").asString()).isNotEqualTo(before);
        JsonNode keys = expect(get(tenantPath(tenant) + "/keys"), 200);
        assertThat(keys.findValuesAsString("kid")).contains(before, rotated.get("kid").asString());
        assertThat(keys.findValuesAsString("status")).containsExactlyInAnyOrder("ACTIVE", "RETIRED");
        String published = new dev.foyer.testing.Browser(origin()).get("/" + tenant
                + "/b2c_1_susi/discovery/v2.0/keys").body();
        assertThat(published).contains(before, rotated.get("kid").asString());
    }
}
