package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /tenants/{tenant}/userAttributes}: custom attributes and where they may be used. */
class UserAttributesApiTests extends AdminApiTest {

    @Test
    void createListGetDelete() {
        String base = tenantPath(newTenant().name()) + "/userAttributes";
        JsonNode created = expect(send("POST", base,
                "{\"name\":\"LoyaltyId\",\"dataType\":\"string\",\"description\":\"Card number\"}"), 201);
        assertThat(created.get("extensionName").asString()).isEqualTo("extension_LoyaltyId");
        assertThat(expect(get(base), 200).findValuesAsString("name")).containsExactly("LoyaltyId");
        assertThat(expect(get(base + "/extension_LoyaltyId"), 200).get("dataType").asString()).isEqualTo("string");
        assertThat(send("DELETE", base + "/LoyaltyId", null).status()).isEqualTo(204);
        assertThat(get(base + "/LoyaltyId").status()).isEqualTo(404);
        assertThat(send("DELETE", base + "/LoyaltyId", null).status()).isEqualTo(404);
    }

    @Test
    void createWhenNameOrTypeIsBadThen400AndNothingCreated() {
        String base = tenantPath(newTenant().name()) + "/userAttributes";
        expectInvalid(send("POST", base, "{\"name\":\"Loyalty Id\",\"dataType\":\"string\"}"), "name");
        expectInvalid(send("POST", base, "{\"name\":\"Tier\",\"dataType\":\"float\"}"), "dataType");
        expectInvalid(send("POST", base, "{\"name\":\"\",\"dataType\":\"money\"}"), "name", "dataType");
        assertThat(expect(get(base), 200).size()).isZero();
    }

    @Test
    void createWhenNameTakenInAnyCasingThen409() {
        String base = tenantPath(newTenant().name()) + "/userAttributes";
        expect(send("POST", base, "{\"name\":\"Tier\",\"dataType\":\"int\"}"), 201);
        expect(send("POST", base, "{\"name\":\"tier\",\"dataType\":\"string\"}"), 409);
        assertThat(expect(get(base + "/Tier"), 200).get("dataType").asString()).isEqualTo("int");
    }

    @Test
    void deleteWhenAFlowUsesTheAttributeThen409UntilTheFlowStopsUsingIt() {
        TestTenant t = newTenant();
        String base = tenantPath(t.name()) + "/userAttributes";
        expect(send("POST", base, "{\"name\":\"Tier\",\"dataType\":\"string\"}"), 201);
        String flow = tenantPath(t.name()) + "/userFlows/B2C_1_susi";
        String etag = get(flow).header("ETag").orElseThrow();
        expect(send("PATCH", flow, "{\"applicationClaims\":[\"emails\",\"extension_Tier\"]}", Map.of("If-Match", etag)),
                200);

        assertThat(expect(send("DELETE", base + "/Tier", null), 409).get("message").asString()).contains("B2C_1_susi");

        etag = get(flow).header("ETag").orElseThrow();
        expect(send("PATCH", flow, "{\"applicationClaims\":[\"emails\"]}", Map.of("If-Match", etag)), 200);
        assertThat(send("DELETE", base + "/Tier", null).status()).isEqualTo(204);
    }

    @Test
    void flowWhenUsingAnUndefinedAttributeThen400() {
        TestTenant t = newTenant();
        String flow = tenantPath(t.name()) + "/userFlows/B2C_1_susi";
        String etag = get(flow).header("ETag").orElseThrow();
        expectInvalid(send("PATCH", flow, "{\"signUpAttributes\":[\"extension_Nope\"]}", Map.of("If-Match", etag)),
                "signUpAttributes");
        assertThat(get(flow).header("ETag").orElseThrow()).isEqualTo(etag);
    }
}
