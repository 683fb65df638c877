package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.hostile.TableSnapshot;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON an automation script should never send: wrong types, huge strings, null where a value is
 * required, arrays for objects, unknown fields (a typo), repeated keys. Each is a 400 naming what
 * is wrong, and nothing changes — not the tenant's configuration, its users, nor the audit log.
 */
class AdminApiHostileJsonTests extends AdminApiTest {

    private static final String HUGE = "x".repeat(100_000);

    private TestTenant t;
    private String user;
    private String flow;

    @BeforeEach
    void tenantWithAUser() {
        t = newTenant();
        user = tenantPath(t.name()) + "/users/" + expect(send("POST", tenantPath(t.name()) + "/users", """
                {"email":"%s","password":"%s","displayName":"Grace Hopper","givenName":"Grace","surname":"Hopper"}"""
                .formatted(uniqueEmail(), PASSWORD)), 201).get("objectId").asString();
        flow = tenantPath(t.name()) + "/userFlows/B2C_1_susi";
    }

    /** Method, path (relative to the tenant's or the flow's), body, and the field the 400 must name. */
    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("PATCH", "user", "{\"dispalyName\":\"Typo\"}", "dispalyName"),
                Arguments.of("PATCH", "user", "{\"displayName\":\"a\",\"displayName\":\"b\"}", "displayName"),
                Arguments.of("PATCH", "user", "{\"displayName\":{\"first\":\"Grace\"}}", "displayName"),
                Arguments.of("PATCH", "user", "{\"displayName\":[\"Grace\"]}", "displayName"),
                Arguments.of("PATCH", "user", "{\"displayName\":\"" + HUGE + "\"}", "displayName"),
                Arguments.of("PATCH", "user", "{\"extensions\":[1,2]}", "extensions"),
                Arguments.of("PATCH", "user", "[{\"displayName\":\"x\"}]", "body"),
                Arguments.of("PATCH", "user", "\"displayName\"", "body"),
                Arguments.of("PATCH", "user", "{\"displayName\":\"x\"", "body"),
                Arguments.of("PUT", "user/password", "{\"password\":null}", "password"),
                Arguments.of("PUT", "user/password", "{\"password\":12345678}", "password"),
                Arguments.of("PUT", "user/password", "{\"pasword\":\"Correct-Horse-42\"}", "pasword"),
                Arguments.of("POST", "users", "{\"email\":null,\"password\":\"Correct-Horse-42\"}", "email"),
                Arguments.of("POST", "users", "{\"email\":[\"a@example.com\"],\"password\":\"Correct-Horse-42\"}",
                        "email"),
                Arguments.of("POST", "users", "{\"email\":\"" + HUGE + "@example.com\",\"password\":\"Correct-Horse-42\"}",
                        "email"),
                Arguments.of("POST", "applications", "{\"displayName\":\"x\",\"type\":\"WEB\",\"redirectUris\":[],"
                        + "\"homepage\":\"https://a.example\"}", "homepage"),
                Arguments.of("POST", "applications", "{\"displayName\":\"" + HUGE + "\",\"type\":\"WEB\","
                        + "\"redirectUris\":[]}", "displayName"),
                Arguments.of("POST", "applications", "{\"displayName\":\"x\",\"type\":\"WEB\","
                        + "\"redirectUris\":[{\"uri\":\"https://a.example\"}]}", "redirectUris[0]"),
                Arguments.of("POST", "userAttributes", "{\"name\":\"Tier\",\"dataType\":\"int\",\"required\":true}",
                        "required"),
                Arguments.of("POST", "userAttributes", "{\"name\":\"" + HUGE + "\",\"dataType\":\"int\"}", "name"),
                Arguments.of("POST", "userFlows", "{\"name\":null,\"type\":\"SIGN_UP_OR_SIGN_IN\"}", "name"),
                Arguments.of("POST", "userFlows", "{\"name\":\"B2C_1_x\",\"type\":\"SIGN_UP_OR_SIGN_IN\",\"version\":2}",
                        "version"),
                Arguments.of("PATCH", "flow", "{\"properties\":{\"mfa\":{\"methd\":\"phone\"}}}", "properties.mfa.methd"),
                Arguments.of("PATCH", "flow", "{\"signUpAtributes\":[\"displayName\"]}", "signUpAtributes"),
                Arguments.of("PATCH", "flow", "{\"properties\":[]}", "properties"),
                Arguments.of("PATCH", "flow", "{\"properties\":{\"session\":{\"rolling\":\"yes\"}}}",
                        "properties.session.rolling"),
                Arguments.of("PUT", "flow/mfa", "{\"enabled\":null}", "enabled"),
                Arguments.of("PUT", "flow/mfa", "{\"enabled\":\"yes\"}", "enabled"),
                Arguments.of("PUT", "flow/mfa", "{\"enabled\":true,\"enforcement\":\"ALWAYS_ON\"}", "enforcement"),
                Arguments.of("POST", "/admin/api/v1/tenants", "{\"name\":\"hostile\",\"displayName\":\"x\","
                        + "\"region\":\"EU\"}", "region"),
                Arguments.of("POST", "/admin/api/v1/tenants", "{\"name\":\"hostile2\",\"displayName\":\"" + HUGE
                        + "\"}", "displayName"));
    }

    @ParameterizedTest(name = "{0} {1} {3}")
    @MethodSource("bodies")
    void hostileJsonIsRefusedNamingTheFieldAndChangesNothing(String method, String target, String body, String field) {
        TableSnapshot before = snapshot();
        int tenantsBefore = tenantCount();
        Map<String, String> ifMatch = target.startsWith("flow") ? Map.of("If-Match", get(flow).header("ETag")
                .orElseThrow()) : Map.of();
        Browser.Response response = send(method, path(target), body, ifMatch);
        expectInvalid(response, field);
        assertThat(jsonOf(response).get("fields").get(field).asString()).isNotBlank();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(tenantCount()).isEqualTo(tenantsBefore);
    }

    @Test
    void unknownFieldsInsideAUserProfilesExtensionsAreCheckedAsAttributesNotAsJsonFields() {
        TableSnapshot before = snapshot();
        Browser.Response response = send("PATCH", user, "{\"extensions\":{\"extension_Nope\":1}}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBodyWithOnlyKnownFieldsStillWorks() {
        assertThat(expect(send("PATCH", user, "{\"displayName\":\"Rear Admiral Hopper\"}"), 200)
                .get("displayName").asString()).isEqualTo("Rear Admiral Hopper");
    }

    private String path(String target) {
        if (target.startsWith("/")) {
            return target;
        }
        if (target.equals("user") || target.startsWith("user/")) {
            return user + target.substring(4);
        }
        if (target.equals("flow") || target.startsWith("flow/")) {
            return flow + target.substring(4);
        }
        return tenantPath(t.name()) + "/" + target;
    }

    private TableSnapshot snapshot() {
        return TableSnapshot.of(jdbc, t.tenant().id(), List.of("directory_user", "user_identity", "application",
                "user_flow", "user_attribute", "tenant_setting", "audit_event"));
    }

    private int tenantCount() {
        return jdbc.sql("select count(*) from tenant").query(Integer.class).single();
    }
}
