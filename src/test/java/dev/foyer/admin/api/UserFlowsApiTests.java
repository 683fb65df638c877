package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.SystemTenant;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /tenants/{tenant}/userFlows}: create, read with ETag, change with If-Match, MFA switch, delete. */
class UserFlowsApiTests extends AdminApiTest {

    @Test
    void createReadReplaceDelete() {
        String base = tenantPath(newTenant().name()) + "/userFlows";
        Browser.Response created = send("POST", base, "{\"name\":\"signin\",\"type\":\"SIGN_IN\"}");
        JsonNode flow = expect(created, 201);
        assertThat(flow.get("name").asString()).isEqualTo("B2C_1_signin");
        assertThat(created.header("ETag")).contains("\"1\"");
        assertThat(flow.get("properties").get("mfa").get("enforcement").asString()).isEqualTo("OFF");
        assertThat(expect(get(base), 200).findValuesAsString("name")).contains("B2C_1_signin", "B2C_1_susi");

        Browser.Response read = get(base + "/b2c_1_signin");
        String etag = read.header("ETag").orElseThrow();
        String definition = """
                {"identityProviders":["LocalAccount"],"signUpAttributes":[],"applicationClaims":["oid","emails","idp_access_token"],
                 "properties":{"mfa":{"method":"phoneSms","enforcement":"ALWAYS_ON"},
                   "tokenLifetimes":{"accessAndIdToken":"PT30M","refreshToken":"P7D","refreshSlidingWindow":"unbounded"},
                   "tokenCompatibility":{"issuer":"TENANT","flowClaim":"ACR"},
                   "session":{"webSessionLifetime":"PT2H","rolling":false,"requireIdTokenInLogout":true},
                   "passwordComplexity":"simple"}}""";
        Browser.Response replaced = send("PUT", base + "/B2C_1_signin", definition, Map.of("If-Match", etag));
        JsonNode after = expect(replaced, 200);
        assertThat(replaced.header("ETag")).contains("\"2\"");
        JsonNode properties = after.get("properties");
        assertThat(properties.get("mfa").get("method").asString()).isEqualTo("phoneSms");
        assertThat(properties.get("tokenLifetimes").get("accessAndIdToken").asString()).isEqualTo("PT30M");
        assertThat(properties.get("tokenLifetimes").get("refreshSlidingWindow").asString()).isEqualTo("unbounded");
        assertThat(properties.get("tokenCompatibility").get("issuer").asString()).isEqualTo("TENANT");
        assertThat(properties.get("session").get("rolling").asBoolean()).isFalse();
        assertThat(properties.get("passwordComplexity").asString()).isEqualTo("simple");
        assertThat(after.get("applicationClaims").toString()).isEqualTo("[\"oid\",\"emails\",\"idp_access_token\"]");

        assertThat(send("DELETE", base + "/B2C_1_signin", null).status()).isEqualTo(204);
        assertThat(get(base + "/B2C_1_signin").status()).isEqualTo(404);
    }

    @Test
    void createWhenTypeUnknownOrNameTakenThen400Or409() {
        String base = tenantPath(newTenant().name()) + "/userFlows";
        expectInvalid(send("POST", base, "{\"name\":\"x\",\"type\":\"SIGN_OUT\"}"), "type");
        expectInvalid(send("POST", base, "{\"name\":\"bad name!\",\"type\":\"SIGN_IN\"}"), "name");
        assertThat(get(base + "/B2C_1_x").status()).isEqualTo(404);
        assertThat(expect(send("POST", base, "{\"name\":\"susi\",\"type\":\"SIGN_IN\"}"), 409).get("error").asString())
                .isEqualTo("conflict");
    }

    @Test
    void changeWhenInvalidThen400NamingEachFieldAndNothingChanged() {
        String flow = tenantPath(newTenant().name()) + "/userFlows/B2C_1_susi";
        String etag = get(flow).header("ETag").orElseThrow();
        Map<String, String> ifMatch = Map.of("If-Match", etag);
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"mfa\":{\"method\":\"carrierPigeon\"}}}", ifMatch),
                "properties.mfa.method");
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"mfa\":{\"enforcement\":\"SOMETIMES\"}}}", ifMatch),
                "properties.mfa.enforcement");
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"tokenLifetimes\":{\"accessAndIdToken\":\"PT2M\"}}}", ifMatch),
                "properties.tokenLifetimes.accessAndIdToken");
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"tokenLifetimes\":{\"refreshToken\":\"P91D\"}}}", ifMatch),
                "properties.tokenLifetimes.refreshToken");
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"tokenLifetimes\":{\"accessAndIdToken\":\"an hour\"}}}",
                ifMatch), "properties.tokenLifetimes.accessAndIdToken");
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"session\":{\"webSessionLifetime\":\"PT25H\"}}}", ifMatch),
                "properties.session.webSessionLifetime");
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"passwordComplexity\":\"trivial\"}}", ifMatch),
                "properties.passwordComplexity");
        expectInvalid(send("PATCH", flow, "{\"applicationClaims\":[\"emails\",\"ssn\"]}", ifMatch), "applicationClaims");
        expectInvalid(send("PATCH", flow, "{\"identityProviders\":[\"Facebook\"]}", ifMatch), "identityProviders");
        expectInvalid(send("PATCH", flow, "{\"properties\":{\"session\":{\"rolling\":\"often\"}}}", ifMatch),
                "properties.session.rolling");
        expectInvalid(send("PUT", flow, "{\"properties\":{}}", ifMatch),
                "identityProviders", "signUpAttributes", "applicationClaims");
        expectInvalid(send("PUT", tenantPath(newTenant().name()) + "/userFlows/B2C_1_susi/mfa", "{}",
                Map.of("If-Match", "\"1\"")), "enabled");

        Browser.Response unchanged = get(flow);
        assertThat(unchanged.header("ETag")).contains(etag);
        assertThat(jsonOf(unchanged).get("properties").get("tokenLifetimes").get("accessAndIdToken").asString())
                .isEqualTo("PT1H");
    }

    @Test
    void twoAdministratorsReadTheSameVersionThenTheSecondChangeIs412AndTheFirstIsKept() {
        String flow = tenantPath(newTenant().name()) + "/userFlows/B2C_1_susi";
        String first = get(flow).header("ETag").orElseThrow();
        String second = get(flow).header("ETag").orElseThrow();
        assertThat(second).isEqualTo(first);

        expect(send("PATCH", flow, "{\"properties\":{\"tokenLifetimes\":{\"accessAndIdToken\":\"PT15M\"}}}",
                Map.of("If-Match", first)), 200);
        JsonNode stale = expect(send("PATCH", flow, "{\"properties\":{\"tokenLifetimes\":{\"accessAndIdToken\":\"PT2H\"}}}",
                Map.of("If-Match", second)), 412);
        assertThat(stale.get("error").asString()).isEqualTo("precondition_failed");
        assertThat(stale.get("message").asString()).contains("reload");
        assertThat(send("PUT", flow + "/mfa", "{\"enabled\":true}", Map.of("If-Match", second)).status()).isEqualTo(412);

        JsonNode kept = expect(get(flow), 200);
        assertThat(kept.get("properties").get("tokenLifetimes").get("accessAndIdToken").asString()).isEqualTo("PT15M");
        assertThat(kept.get("properties").get("mfa").get("enforcement").asString()).isEqualTo("OFF");
        assertThat(kept.get("version").asInt()).isEqualTo(2);
    }

    @Test
    void createOfEachRunnableTypeThenTheFlowRunsItsFirstPage() {
        TestTenant t = newTenant();
        String base = tenantPath(t.name()) + "/userFlows";
        Map<String, String> firstPages = Map.of("SIGN_UP", "form#attributeVerification button#email_ver_but_send",
                "SIGN_IN", "form#localAccountForm button#forgotPassword",
                "PASSWORD_RESET", "form#attributeVerification button#email_ver_but_send",
                "SIGN_UP_OR_SIGN_IN", "form#localAccountForm button#createAccount");
        firstPages.forEach((type, selector) -> {
            String name = "flow_" + type.toLowerCase();
            JsonNode created = expect(send("POST", base, "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}"), 201);
            assertThat(created.get("type").asString()).isEqualTo(type);
            assertThat(created.get("properties").get("selfServicePasswordReset").asBoolean()).isFalse();
            Browser.Response page = browser().open(authorizeUrl(t, "B2C_1_" + name, Map.of()));
            assertThat(page.document().selectFirst(selector)).as(type + ":\n" + page.body()).isNotNull();
        });
    }

    @Test
    void selfServicePasswordResetIsChangedByPatchAndTakesEffectOnTheNextRun() {
        TestTenant t = newTenant();
        String flow = tenantPath(t.name()) + "/userFlows/B2C_1_susi";
        String etag = get(flow).header("ETag").orElseThrow();
        JsonNode on = expect(send("PATCH", flow, "{\"properties\":{\"selfServicePasswordReset\":true}}",
                Map.of("If-Match", etag)), 200);
        assertThat(on.get("properties").get("selfServicePasswordReset").asBoolean()).isTrue();
        assertThat(on.get("properties").get("passwordComplexity").asString()).as("the rest kept").isEqualTo("strong");

        Browser browser = browser();
        Browser.Response emailPage = browser.submit(browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())),
                "form#localAccountForm", "button#forgotPassword", Map.of());
        assertThat(emailPage.document().selectFirst("button#email_ver_but_send")).as(emailPage.body()).isNotNull();

        expectInvalid(send("PATCH", flow, "{\"properties\":{\"selfServicePasswordReset\":\"sometimes\"}}",
                Map.of("If-Match", "\"2\"")), "properties.selfServicePasswordReset");
    }

    @Test
    void changeWithoutIfMatchIs428() {
        String flow = tenantPath(newTenant().name()) + "/userFlows/B2C_1_susi";
        JsonNode body = expect(send("PATCH", flow, "{\"properties\":{\"passwordComplexity\":\"simple\"}}"), 428);
        assertThat(body.get("error").asString()).isEqualTo("precondition_required");
        assertThat(send("PUT", flow + "/mfa", "{\"enabled\":true}").status()).isEqualTo(428);
        assertThat(send("PUT", flow, "{}").status()).isEqualTo(428);
        assertThat(expect(get(flow), 200).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void mfaSwitchChangesTheNextRunOfTheFlow() {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser first = browser();
        Browser.Response done = signUp(first, first.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        assertThat(done.isRedirect()).as("no phone page while MFA is off").isTrue();

        String flow = tenantPath(t.name()) + "/userFlows/B2C_1_susi";
        String etag = get(flow).header("ETag").orElseThrow();
        JsonNode on = expect(send("PUT", flow + "/mfa", "{\"enabled\":true}", Map.of("If-Match", etag)), 200);
        assertThat(on.get("properties").get("mfa").get("enforcement").asString()).isEqualTo("ALWAYS_ON");

        Browser next = browser();
        Browser.Response afterPassword = signIn(next, next.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        assertThat(afterPassword.document().selectFirst("form#phoneVerification")).as(afterPassword.body()).isNotNull();
    }

    @Test
    void systemAdminFlowCannotBeDeletedOrLoseMfa() {
        String flow = tenantPath(SystemTenant.NAME) + "/userFlows/" + SystemTenant.FLOW;
        assertThat(send("DELETE", flow, null).status()).isEqualTo(409);
        String etag = get(flow).header("ETag").orElseThrow();
        expectInvalid(send("PUT", flow + "/mfa", "{\"enabled\":false}", Map.of("If-Match", etag)),
                "properties.mfa.enforcement");
        assertThat(get(flow).header("ETag")).contains(etag);
    }
}
