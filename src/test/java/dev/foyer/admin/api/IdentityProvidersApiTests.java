package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.federation.IdentityProvider;
import dev.foyer.secrets.SecretBox;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code /tenants/{tenant}/identityProviders}: every kind added, the client secret sealed at rest
 * and never returned, each bad field refused with nothing stored, a provider in use kept, and flows
 * choosing providers by name.
 */
class IdentityProvidersApiTests extends AdminApiTest {

    private static final String SECRET = "s3cret-Value-never-shown-0123456789";

    @Autowired
    SecretBox box;

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("GOOGLE", "{}", "Google"),
                Arguments.of("MICROSOFT", "{}", "Microsoft"),
                Arguments.of("APPLE", "{}", "Apple"),
                Arguments.of("FACEBOOK", "{}", "Facebook"),
                Arguments.of("GITHUB", "{\"domainHint\":\"github.com\"}", "GitHub"),
                Arguments.of("OPENID_CONNECT",
                        "{\"metadataUrl\":\"http://localhost:8089/default/.well-known/openid-configuration\","
                                + "\"scopes\":[\"openid\",\"email\"],\"responseMode\":\"form_post\"}", null),
                Arguments.of("OAUTH2", "{\"authorizationUrl\":\"https://idp.example/authorize\","
                        + "\"tokenUrl\":\"https://idp.example/token\",\"userInfoUrl\":\"http://127.0.0.1:9/me\","
                        + "\"issuer\":\"idp.example\",\"claimMapping\":{\"userId\":\"id\",\"email\":\"mail\"}}", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void createWhenEachKindThenStoredWithTheSecretSealedAndNeverReturned(String kind, String settings,
                                                                       String defaultDisplayName) {
        TestTenant t = newTenant();
        String name = "Idp" + kind.replace("_", "");
        String body = json(Map.of("name", name, "kind", kind, "clientId", "client-" + kind, "clientSecret", SECRET),
                settings);

        Browser.Response created = send("POST", path(t), body);
        JsonNode provider = expect(created, 201);

        assertThat(created.body()).doesNotContain(SECRET).doesNotContain("v1.");
        assertThat(provider.get("name").asString()).isEqualTo(name);
        assertThat(provider.get("kind").asString()).isEqualTo(kind);
        assertThat(provider.get("clientId").asString()).isEqualTo("client-" + kind);
        assertThat(provider.get("clientSecretSet").asBoolean()).isTrue();
        assertThat(provider.has("clientSecret")).isFalse();
        assertThat(provider.get("enabled").asBoolean()).isTrue();
        assertThat(provider.get("displayName").asString()).isEqualTo(defaultDisplayName == null ? name
                : defaultDisplayName);
        assertThat(provider.get("redirectUri").asString()).isEqualTo(origin() + "/" + t.name() + "/oauth2/authresp");
        assertThat(created.header("Location").orElseThrow()).endsWith("/identityProviders/"
                + provider.get("id").asString());

        UUID id = UUID.fromString(provider.get("id").asString());
        String sealed = sealedSecret(id);
        assertThat(sealed).startsWith("v1.").doesNotContain(SECRET);
        assertThat(box.open(sealed, IdentityProvider.secretBinding(id))).isEqualTo(SECRET);
        for (Browser.Response read : List.of(get(path(t)), get(path(t) + "/" + id), get(path(t) + "/" + name),
                get(tenantPath(t.name()) + "/auditLog?type=admin.change"))) {
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.body()).contains(name).doesNotContain(SECRET).doesNotContain(sealed);
        }
    }

    @Test
    void createWhenPresetThenTheStoredSettingsStayEmptyAndOverridesAreKept() {
        TestTenant t = newTenant();
        JsonNode google = expect(send("POST", path(t), """
                {"name":"Google","kind":"google","clientId":"g","clientSecret":"x","enabled":false}"""), 201);
        assertThat(google.get("kind").asString()).isEqualTo("GOOGLE");
        assertThat(google.get("enabled").asBoolean()).isFalse();
        assertThat(google.get("metadataUrl").isNull()).as("the preset's default applies").isTrue();

        JsonNode microsoft = expect(send("POST", path(t), """
                {"name":"Work","kind":"MICROSOFT","clientId":"m","clientSecret":"x",
                 "metadataUrl":"https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration"}"""),
                201);
        assertThat(microsoft.get("metadataUrl").asString()).contains("/common/");
    }

    @Test
    void updateWhenSecretAbsentThenKeptAndWhenGivenThenReplaced() {
        TestTenant t = newTenant();
        UUID id = UUID.fromString(expect(send("POST", path(t), """
                {"name":"GitHub","kind":"GITHUB","clientId":"one","clientSecret":"first-secret"}"""), 201)
                .get("id").asString());
        String firstSealed = sealedSecret(id);

        JsonNode patched = expect(send("PATCH", path(t) + "/github", "{\"clientId\":\"two\"}"), 200);
        assertThat(patched.get("clientId").asString()).isEqualTo("two");
        assertThat(patched.get("clientSecretSet").asBoolean()).isTrue();
        assertThat(sealedSecret(id)).isEqualTo(firstSealed);

        JsonNode replaced = expect(send("PUT", path(t) + "/" + id, """
                {"kind":"GITHUB","clientId":"three","clientSecret":"second-secret","displayName":"Code"}"""), 200);
        assertThat(replaced.get("clientId").asString()).isEqualTo("three");
        assertThat(replaced.get("displayName").asString()).isEqualTo("Code");
        assertThat(box.open(sealedSecret(id), IdentityProvider.secretBinding(id))).isEqualTo("second-secret");

        JsonNode change = expect(get(tenantPath(t.name()) + "/auditLog?type=admin.change"), 200).get("events");
        assertThat(change.toString()).contains("identityProvider").doesNotContain("second-secret")
                .doesNotContain("first-secret");
    }

    @Test
    void updateWhenNameOrKindChangesThen400AndNothingChanged() {
        TestTenant t = newTenant();
        expect(send("POST", path(t), "{\"name\":\"GitHub\",\"kind\":\"GITHUB\",\"clientId\":\"one\",\"clientSecret\":\"s\"}"),
                201);
        expectInvalid(send("PATCH", path(t) + "/GitHub", "{\"name\":\"Other\"}"), "name");
        expectInvalid(send("PUT", path(t) + "/GitHub", "{\"kind\":\"GOOGLE\",\"clientId\":\"x\"}"), "kind");
        expectInvalid(send("PUT", path(t) + "/GitHub", "{\"clientId\":\"\"}"), "clientId");
        assertThat(expect(get(path(t) + "/GitHub"), 200).get("clientId").asString()).isEqualTo("one");
        expect(get(path(t) + "/Nope"), 404);
        expect(send("PATCH", path(t) + "/" + UUID.randomUUID(), "{\"clientId\":\"x\"}"), 404);
    }

    static Stream<Arguments> badInputs() {
        String oauth2 = "\"kind\":\"OAUTH2\",\"clientId\":\"c\",\"clientSecret\":\"s\","
                + "\"authorizationUrl\":\"https://i.example/a\",\"tokenUrl\":\"https://i.example/t\","
                + "\"userInfoUrl\":\"https://i.example/u\"";
        String google = "\"kind\":\"GOOGLE\",\"clientId\":\"c\",\"clientSecret\":\"s\"";
        return Stream.of(
                Arguments.of("{\"name\":\"1bad\"," + google + "}", List.of("name")),
                Arguments.of("{\"name\":\"has space\"," + google + "}", List.of("name")),
                Arguments.of("{\"name\":\"localaccount\"," + google + "}", List.of("name")),
                Arguments.of("{\"name\":\"next\"," + google + "}", List.of("name")),
                Arguments.of("{\"name\":\"Password\"," + google + "}", List.of("name")),
                Arguments.of("{\"name\":\"" + "a".repeat(65) + "\"," + google + "}", List.of("name")),
                Arguments.of("{\"name\":\"X\",\"kind\":\"MYSPACE\",\"clientId\":\"c\",\"clientSecret\":\"s\"}",
                        List.of("kind")),
                Arguments.of("{\"name\":\"X\",\"kind\":\"GOOGLE\",\"clientSecret\":\"s\"}", List.of("clientId")),
                Arguments.of("{\"name\":\"X\",\"kind\":\"GOOGLE\",\"clientId\":\"c\"}", List.of("clientSecret")),
                Arguments.of("{\"name\":\"X\",\"kind\":\"OPENID_CONNECT\",\"clientId\":\"c\",\"clientSecret\":\"s\"}",
                        List.of("metadataUrl")),
                Arguments.of("{\"name\":\"X\",\"kind\":\"OAUTH2\",\"clientId\":\"c\",\"clientSecret\":\"s\"}",
                        List.of("authorizationUrl", "tokenUrl", "userInfoUrl", "claimMapping.userId")),
                Arguments.of("{\"name\":\"X\"," + oauth2 + "}", List.of("claimMapping.userId")),
                Arguments.of("{\"name\":\"X\"," + oauth2 + ",\"claimMapping\":{\"userId\":\"id\",\"shoeSize\":\"s\"}}",
                        List.of("claimMapping")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"metadataUrl\":\"http://accounts.example/x\"}",
                        List.of("metadataUrl")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"metadataUrl\":\"/relative\"}", List.of("metadataUrl")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"tokenUrl\":\"https://u:p@i.example/t\"}",
                        List.of("tokenUrl")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"tokenUrl\":\"https://i.example/" + "t".repeat(2050)
                        + "\"}", List.of("tokenUrl")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"scopes\":[\"openid email\"]}", List.of("scopes")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"responseMode\":\"fragment\"}", List.of("responseMode")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"domainHint\":\"<b>\"}", List.of("domainHint")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"displayName\":\"" + "d".repeat(257) + "\"}",
                        List.of("displayName")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"issuer\":\"has space\"}", List.of("issuer")),
                Arguments.of("{\"name\":\"X\"," + google + ",\"clientSecrets\":\"typo\"}", List.of("clientSecrets")));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void createWhenAFieldIsBadThen400NamingItAndNothingStored(String body, List<String> fields) {
        TestTenant t = newTenant();

        expectInvalid(send("POST", path(t), body), fields.toArray(String[]::new));

        assertThat(expect(get(path(t)), 200).size()).isZero();
    }

    @Test
    void createWhenNameTakenIgnoringCaseThen409() {
        TestTenant t = newTenant();
        expect(send("POST", path(t), "{\"name\":\"Google\",\"kind\":\"GOOGLE\",\"clientId\":\"a\",\"clientSecret\":\"s\"}"),
                201);

        JsonNode conflict = expect(send("POST", path(t),
                "{\"name\":\"GOOGLE\",\"kind\":\"GITHUB\",\"clientId\":\"b\",\"clientSecret\":\"s\"}"), 409);

        assertThat(conflict.get("error").asString()).isEqualTo("conflict");
        assertThat(expect(get(path(t)), 200).size()).isEqualTo(1);
        expect(send("POST", path(newTenant()),
                "{\"name\":\"Google\",\"kind\":\"GOOGLE\",\"clientId\":\"a\",\"clientSecret\":\"s\"}"), 201);
    }

    @Test
    void flowsChooseProvidersByNameIgnoringCaseAndAProviderInUseCannotBeDeleted() {
        TestTenant t = newTenant();
        expect(send("POST", path(t), "{\"name\":\"Google\",\"kind\":\"GOOGLE\",\"clientId\":\"a\",\"clientSecret\":\"s\"}"),
                201);
        String flow = tenantPath(t.name()) + "/userFlows/B2C_1_susi";
        int version = expect(get(flow), 200).get("version").asInt();

        expectInvalid(send("PATCH", flow, "{\"identityProviders\":[\"LocalAccount\",\"Facebook\",\"Myspace\"]}",
                Map.of("If-Match", "\"" + version + "\"")), "identityProviders");
        JsonNode refused = jsonOf(send("PATCH", flow, "{\"identityProviders\":[\"Facebook\"]}",
                Map.of("If-Match", "\"" + version + "\"")));
        assertThat(refused.get("fields").get("identityProviders").asString()).contains("Facebook");
        expectInvalid(send("PATCH", flow, "{\"identityProviders\":[]}", Map.of("If-Match", "\"" + version + "\"")),
                "identityProviders");

        JsonNode saved = expect(send("PATCH", flow, "{\"identityProviders\":[\"localaccount\",\"GOOGLE\",\"google\"]}",
                Map.of("If-Match", "\"" + version + "\"")), 200);
        assertThat(saved.get("identityProviders").values().stream().map(JsonNode::asString)
                .toList()).containsExactly("LocalAccount", "Google");

        JsonNode conflict = expect(send("DELETE", path(t) + "/Google", null), 409);
        assertThat(conflict.get("message").asString()).contains("B2C_1_susi");
        expect(get(path(t) + "/Google"), 200);

        int next = saved.get("version").asInt();
        expect(send("PATCH", flow, "{\"identityProviders\":[\"LocalAccount\"]}",
                Map.of("If-Match", "\"" + next + "\"")), 200);
        expect(send("DELETE", path(t) + "/Google", null), 204);
        expect(get(path(t) + "/Google"), 404);
    }

    @Test
    void adminFlowWhenASocialProviderIsAddedThen400AndItKeepsLocalAccountsOnly() {
        String systemProviders = tenantPath("system") + "/identityProviders";
        String name = "Sys" + UUID.randomUUID().toString().substring(0, 8);
        expect(send("POST", systemProviders, "{\"name\":\"" + name + "\",\"kind\":\"GITHUB\",\"clientId\":\"a\","
                + "\"clientSecret\":\"s\"}"), 201);
        String flow = tenantPath("system") + "/userFlows/B2C_1_admin";
        int version = expect(get(flow), 200).get("version").asInt();

        expectInvalid(send("PATCH", flow, "{\"identityProviders\":[\"LocalAccount\",\"" + name + "\"]}",
                Map.of("If-Match", "\"" + version + "\"")), "identityProviders");

        assertThat(expect(get(flow), 200).get("identityProviders").toString()).isEqualTo("[\"LocalAccount\"]");
        expect(send("DELETE", systemProviders + "/" + name, null), 204);
    }

    private String sealedSecret(UUID id) {
        return jdbc.sql("select sealed_client_secret from identity_provider where id = ?").param(id)
                .query(String.class).single();
    }

    private String json(Map<String, String> fields, String settings) {
        JsonNode extra = json.readTree(settings);
        var node = json.createObjectNode();
        fields.forEach(node::put);
        extra.properties().forEach(e -> node.set(e.getKey(), e.getValue()));
        return node.toString();
    }

    private static String path(TestTenant t) {
        return tenantPath(t.name()) + "/identityProviders";
    }
}
