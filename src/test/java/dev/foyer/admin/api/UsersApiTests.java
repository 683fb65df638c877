package dev.foyer.admin.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /tenants/{tenant}/users}: create, search, change, disable, delete, passwords, phone methods. */
class UsersApiTests extends AdminApiTest {

    private static final String NEW_PASSWORD = "Another-Horse-43";

    private JsonNode createUser(String tenant, String email) {
        return expect(send("POST", tenantPath(tenant) + "/users", """
                {"email":"%s","password":"%s","displayName":"Grace Hopper","givenName":"Grace","surname":"Hopper"}"""
                .formatted(email, PASSWORD)), 201);
    }

    @Test
    void createSearchReadUpdateDelete() {
        TestTenant t = newTenant();
        String users = tenantPath(t.name()) + "/users";
        String email = uniqueEmail();
        JsonNode created = createUser(t.name(), email);
        String user = users + "/" + created.get("objectId").asString();
        assertThat(created.get("email").asString()).isEqualTo(email);
        assertThat(created.has("password")).isFalse();

        assertThat(expect(get(users + "?search=" + email.substring(0, 10)), 200).findValuesAsString("email"))
                .containsExactly(email);
        assertThat(expect(get(users + "?search=HOPP"), 200).findValuesAsString("email")).containsExactly(email);
        assertThat(expect(get(users + "?search=nobody-at-all"), 200).size()).isZero();
        expect(send("POST", tenantPath(t.name()) + "/userAttributes", "{\"name\":\"Tier\",\"dataType\":\"int\"}"), 201);
        JsonNode updated = expect(send("PATCH", user, "{\"displayName\":\"Rear Admiral Hopper\",\"extensions\":"
                + "{\"extension_Tier\":3}}"), 200);
        assertThat(updated.get("displayName").asString()).isEqualTo("Rear Admiral Hopper");
        assertThat(updated.get("givenName").asString()).isEqualTo("Grace");
        assertThat(updated.get("extensions").get("extension_Tier").asInt()).isEqualTo(3);
        assertThat(expect(get(user), 200).get("displayName").asString()).isEqualTo("Rear Admiral Hopper");

        assertThat(send("DELETE", user, null).status()).isEqualTo(204);
        assertThat(get(user).status()).isEqualTo(404);
        Browser browser = browser();
        Browser.Response refused = signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        assertThat(refused.isRedirect()).as("a deleted user cannot sign in").isFalse();
    }

    @Test
    void createWhenInputIsBadThen400NamingEachFieldAndNothingCreated() {
        TestTenant t = newTenant();
        String users = tenantPath(t.name()) + "/users";
        expectInvalid(send("POST", users, "{\"email\":\"not-an-email\",\"password\":\"" + PASSWORD + "\"}"), "email");
        expectInvalid(send("POST", users, "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"password\"}"), "password");
        expectInvalid(send("POST", users, "{\"email\":\"x@\",\"password\":\"short\",\"extensions\":{\"extension_Nope\":1}}"),
                "email", "password", "extensions.extension_Nope");
        expect(send("POST", tenantPath(t.name()) + "/userAttributes", "{\"name\":\"Vip\",\"dataType\":\"boolean\"}"), 201);
        expectInvalid(send("POST", users, "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"" + PASSWORD
                + "\",\"extensions\":{\"extension_Vip\":\"yes\"}}"), "extensions.extension_Vip");
        expectInvalid(send("GET", users + "?limit=0", null), "limit");
        expectInvalid(send("GET", users + "?limit=many", null), "limit");
        assertThat(expect(get(users), 200).size()).isZero();
    }

    @Test
    void createWhenEmailTakenThen409() {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        createUser(t.name(), email);
        expect(send("POST", tenantPath(t.name()) + "/users", "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\""
                + PASSWORD + "\"}"), 409);
        assertThat(expect(get(tenantPath(t.name()) + "/users"), 200).size()).isEqualTo(1);
    }

    @Test
    void unknownUserOrPhoneMethodIs404() {
        TestTenant t = newTenant();
        String users = tenantPath(t.name()) + "/users";
        assertThat(get(users + "/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(get(users + "/not-a-guid").status()).isEqualTo(404);
        assertThat(send("POST", users + "/" + UUID.randomUUID() + "/disable", null).status()).isEqualTo(404);
        String user = users + "/" + createUser(t.name(), uniqueEmail()).get("objectId").asString();
        assertThat(send("DELETE", user + "/phoneMethods/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void disabledUserCannotSignInUntilEnabledAndAResetPasswordReplacesTheOldOne() {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String user = tenantPath(t.name()) + "/users/" + createUser(t.name(), email).get("objectId").asString();

        assertThat(expect(send("POST", user + "/disable", null), 200).get("enabled").asBoolean()).isFalse();
        assertThat(signsIn(t, email, PASSWORD)).isFalse();
        assertThat(expect(send("POST", user + "/enable", null), 200).get("enabled").asBoolean()).isTrue();
        assertThat(signsIn(t, email, PASSWORD)).isTrue();

        expectInvalid(send("PUT", user + "/password", "{\"password\":\"weakpassword\"}"), "password");
        assertThat(signsIn(t, email, PASSWORD)).as("weak password refused, old one kept").isTrue();
        assertThat(send("PUT", user + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}").status()).isEqualTo(204);
        assertThat(signsIn(t, email, PASSWORD)).isFalse();
        assertThat(signsIn(t, email, NEW_PASSWORD)).isTrue();
    }

    @Test
    void passwordSetByAnAdministratorEndsTheUsersSessionsAndRefreshTokens() {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String user = tenantPath(t.name()) + "/users/" + createUser(t.name(), email).get("objectId").asString();
        Browser signedIn = browser();
        String code = appResponse(signIn(signedIn, signedIn.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email,
                PASSWORD), t.webRedirectUri()).get("code");
        String refreshToken = jsonOf(token(t, "B2C_1_susi", Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", t.webRedirectUri()))).get("refresh_token").asString();

        assertThat(send("PUT", user + "/password", "{\"password\":\"" + NEW_PASSWORD + "\"}").status()).isEqualTo(204);

        Browser.Response refused = token(t, "B2C_1_susi", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(jsonOf(refused).get("error").asString()).isEqualTo("invalid_grant");
        Browser.Response again = signedIn.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        assertThat(again.document().getElementById("localAccountForm")).as("the SSO session ended").isNotNull();
    }

    @Test
    void deletedPhoneMethodMakesTheUserEnrollAgain() {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        Browser.Response phonePage = signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())), email,
                PASSWORD);
        completePhoneStep(browser, phonePage);

        String objectId = expect(get(tenantPath(t.name()) + "/users?search=" + email), 200).get(0).get("objectId")
                .asString();
        String methods = tenantPath(t.name()) + "/users/" + objectId + "/phoneMethods";
        Browser.Response listed = get(methods);
        JsonNode method = expect(listed, 200).get(0);
        assertThat(method.get("maskedNumber").asString()).startsWith("+1 XXX-XXX-");
        assertThat(listed.body()).doesNotContainPattern(dev.foyer.testing.TestPhoneNumbers.UNMASKED);

        Browser known = browser();
        Browser.Response verify = signIn(known, known.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())), email, PASSWORD);
        assertThat(verify.document().getElementById("number")).as("known phone: verify only").isNull();

        assertThat(send("DELETE", methods + "/" + method.get("id").asString(), null).status()).isEqualTo(204);
        assertThat(expect(get(methods), 200).size()).isZero();
        Browser again = browser();
        Browser.Response enroll = signIn(again, again.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())), email, PASSWORD);
        assertThat(enroll.document().getElementById("number")).as("asked to enroll again: " + enroll.body()).isNotNull();
    }

    private boolean signsIn(TestTenant t, String email, String password) {
        Browser browser = browser();
        return signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, password).isRedirect();
    }
}
