package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.tenant.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every page that shows back what it was sent shows it as text: markup never arrives unescaped, no
 * script or event handler appears, no link or form leads to a {@code javascript:} URL, and values
 * that go into a redirect are URL-encoded.
 */
class ReflectionTests extends AdminEndToEndTest {

    private static final List<String> PAYLOADS = List.of(
            "\"><script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "javascript:alert(1)");

    private TestTenant t;

    @BeforeEach
    void tenant() {
        t = newTenant();
    }

    @Test
    void signInPageShowsTheSignInNameAndLoginHintAsText() {
        for (String payload : PAYLOADS) {
            Browser browser = browser();
            Browser.Response hinted = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of("login_hint", payload)));
            assertNotReflected(hinted, payload);
            Browser.Response refused = signIn(browser, hinted, payload, "wrong-password");
            assertThat(refused.status()).isLessThan(500);
            assertNotReflected(refused, payload);
        }
    }

    @Test
    void signUpPagesShowTheirFieldsAsText() {
        for (String payload : PAYLOADS) {
            Browser browser = browser();
            Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
            Browser.Response emailPage = browser.submit(signIn, "form#localAccountForm", "button#createAccount",
                    Map.of());
            assertNotReflected(browser.submit(emailPage, "form#attributeVerification", "button#email_ver_but_send",
                    Map.of("email", payload)), payload);
        }
        Browser browser = browser();
        String email = uniqueEmail();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Browser.Response emailPage = browser.submit(signIn, "form#localAccountForm", "button#createAccount", Map.of());
        Browser.Response codePage = browser.submit(emailPage, "form#attributeVerification", "button#email_ver_but_send",
                Map.of("email", email));
        Browser.Response details = browser.submit(codePage, "form#attributeVerification", "button#email_ver_but_verify",
                Map.of("code", latestCode(email, 1)));
        for (String payload : PAYLOADS) {
            Browser.Response refused = browser.submit(details, "form#attributeVerification", "button#continue",
                    Map.of("newPassword", PASSWORD, "reenterPassword", PASSWORD + "x", "displayName", payload,
                            "givenName", payload, "surname", payload));
            assertThat(refused.document().getElementById("newPassword")).as(refused.body()).isNotNull();
            assertNotReflected(refused, payload);
        }
    }

    @Test
    void phonePageShowsTheNumberAsText() {
        String email = uniqueEmail();
        TenantContext.run(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                "Ada", null, null, Map.of())));
        Browser browser = browser();
        Browser.Response phone = signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())), email,
                PASSWORD);
        assertThat(phone.document().selectFirst("form#phoneVerification")).as(phone.body()).isNotNull();
        for (String payload : PAYLOADS) {
            Browser.Response refused = browser.submit(phone, "form#phoneVerification", "button#sendCode",
                    Map.of("countryCode", "US", "number", payload));
            assertThat(refused.status()).isLessThan(500);
            assertNotReflected(refused, payload);
            assertNotReflected(browser.submit(phone, "form#phoneVerification", "button#sendCode",
                    Map.of("countryCode", payload, "number", "2015550123")), payload);
        }
    }

    @Test
    void authorizeErrorsShowParametersAsTextAndEncodeStateInRedirects() {
        for (String payload : PAYLOADS) {
            assertNotReflected(browser().get(authorizeUrl(t, "B2C_1_susi", Map.of("client_id", payload))), payload);
            assertNotReflected(browser().get(authorizeUrl(t, "B2C_1_susi", Map.of("redirect_uri", payload))), payload);

            Browser.Response query = browser().get(authorizeUrl(t, "B2C_1_susi", Map.of("scope", "profile",
                    "state", payload)));
            String location = query.location().orElseThrow();
            assertThat(location).doesNotContain("<").doesNotContain("\"").doesNotContain(" ").doesNotContain(">");
            assertThat(responseParameters(location)).containsEntry("state", payload);

            Browser.Response formPost = browser().get(authorizeUrl(t, "B2C_1_susi", Map.of("scope", "profile",
                    "state", payload, "response_mode", "form_post")));
            assertNotReflected(formPost, payload);
            assertThat(formPost.document().select("input[name=state]").val()).isEqualTo(payload);

            Browser.Response logout = browser().get("/" + t.name() + "/b2c_1_susi/oauth2/v2.0/logout?"
                    + Browser.encode(Map.of("client_id", t.webClientId().toString(), "state", payload,
                    "post_logout_redirect_uri", "https://app.example/logout")));
            assertThat(logout.location().orElseThrow()).doesNotContain("<").doesNotContain("\"").doesNotContain(" ");
        }
    }

    @Test
    void tokenViewerAndDemoCallbackShowWhatTheyReceiveAsText() {
        for (String payload : PAYLOADS) {
            Map<String, String> answer = Map.of("error", payload, "error_description", payload, "state", payload);
            assertNotReflected(browser().post("/tokenviewer", answer), payload);
            assertNotReflected(browser().post("/tokenviewer", Map.of("code", payload, "state", payload)), payload);
            assertNotReflected(browser().post("/tokenviewer", Map.of("token", payload)), payload);
            assertNotReflected(browser().post("/tokenviewer", Map.of("token", "eyJ" + payload + ".e30.x")), payload);
            assertNotReflected(browser().post("/demo/callback", answer), payload);
            assertNotReflected(browser().get("/demo/callback?" + Browser.encode(answer)), payload);
            assertNotReflected(browser().get("/dev/outbox?" + Browser.encode(Map.of("to", payload))), payload);
            assertNotReflected(browser().get("/admin/setup?" + Browser.encode(Map.of("token", payload))), payload);
            assertNotReflected(browser().post("/admin/callback", Map.of("error", payload,
                    "error_description", payload)), payload);
        }
    }

    @Test
    void portalShowsSearchesAndRefusedFormsAsText() {
        Browser browser = browser();
        Browser.Response home = signInToPortal(browser, newAdministrator());
        for (String payload : PAYLOADS) {
            assertNotReflected(browser.get("/admin/tenants/" + t.name() + "/users?"
                    + Browser.encode(Map.of("email", payload))), payload);
            assertNotReflected(browser.get("/admin/tenants/" + t.name() + "/auditLog?"
                    + Browser.encode(Map.of("user", payload, "type", payload))), payload);
            Browser.Response refused = browser.submit(home, "form#newTenantForm", "button#createTenant",
                    Map.of("name", payload, "displayName", payload));
            assertThat(refused.status()).isEqualTo(400);
            assertNotReflected(refused, payload);
        }
    }

    /** The response shows {@code payload}, if at all, only as text. */
    private static void assertNotReflected(Browser.Response response, String payload) {
        String where = payload + " on " + response.status() + " " + response.uri();
        assertThat(response.status()).as(where).isLessThan(500);
        if (payload.contains("<") || payload.contains("\"")) {
            assertThat(response.body()).as(where).doesNotContain(payload)
                    .doesNotContain("<script>alert(1)").doesNotContain("<img src=x");
        }
        Document page = response.document();
        assertThat(page.select("script:not([src])")).as(where).isEmpty();
        assertThat(page.select("img[src=x]")).as(where).isEmpty();
        List<String> handlers = new ArrayList<>();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                if (name.startsWith("on")) {
                    handlers.add(element.toString());
                }
                if (List.of("href", "src", "action", "formaction").contains(name) && value.startsWith("javascript:")) {
                    handlers.add(element.toString());
                }
            }
        }
        assertThat(handlers).as(where).isEmpty();
    }
}
