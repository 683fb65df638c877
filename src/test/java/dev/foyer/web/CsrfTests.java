package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Every state-changing form a browser reaches with its cookies carries a token bound to the
 * session (admin portal) or the journey (hosted pages); without it, or with another's, the answer
 * is 403 and nothing changes. Protocol endpoints (authorize, token, logout) and the admin API take
 * no cookie-bound token: the first are cross-site by design, the API authenticates with bearer
 * tokens, which a browser never sends by itself.
 */
class CsrfTests extends AdminEndToEndTest {

    /** Post forms without a CSRF token, and why none is needed. */
    private static final Map<String, String> FORMS_WITHOUT_TOKEN = Map.of(
            "oidc/form-post.html", "the protocol's answer, posted to the application",
            "admin/setup.html", "the one-time setup token in the form is the proof; no cookie gives authority",
            "tokenviewer/index.html", "decodes a pasted token; changes nothing and reads no cookie",
            "journey/callback-repost.html", "re-posts a provider's answer; its single-use state, bound to the"
                    + " journey and the browser, is the proof");

    @Test
    void everyPostFormInTheTemplatesCarriesACsrfToken() throws IOException {
        Path root = Path.of("src/main/resources/templates");
        List<Path> templates;
        try (Stream<Path> files = Files.walk(root)) {
            templates = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        int checked = 0;
        for (Path template : templates) {
            String name = root.relativize(template).toString().replace('\\', '/');
            for (Element form : Jsoup.parse(Files.readString(template, StandardCharsets.UTF_8)).select("form")) {
                if (!form.attr("method").equalsIgnoreCase("post")) {
                    continue;
                }
                if (FORMS_WITHOUT_TOKEN.containsKey(name)) {
                    assertThat(form.select("input[name=csrf_token]")).as(name).isEmpty();
                    continue;
                }
                assertThat(form.select("input[type=hidden][name=csrf_token]")).as("csrf_token in a form of " + name)
                        .hasSize(1);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void portalPostWithoutOrWithAWrongTokenGets403AndCreatesNothing() {
        Browser browser = browser();
        Browser.Response home = signInToPortal(browser, newAdministrator());
        String name = "csrf" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> form = new LinkedHashMap<>(browser.formValues(home, "form#newTenantForm"));
        form.put("name", name);
        form.put("displayName", "Forged");

        Map<String, String> missing = new LinkedHashMap<>(form);
        missing.remove("csrf_token");
        assertThat(browser.post("/admin/tenants", missing).status()).isEqualTo(403);
        Map<String, String> wrong = new LinkedHashMap<>(form);
        wrong.put("csrf_token", OpaqueTokens.generate());
        assertThat(browser.post("/admin/tenants", wrong).status()).isEqualTo(403);
        Map<String, String> empty = new LinkedHashMap<>(form);
        empty.put("csrf_token", "");
        assertThat(browser.post("/admin/tenants", empty).status()).isEqualTo(403);
        assertThat(tenants.findByNameOrId(name)).isEmpty();

        // Another administrator's token does not fit this session.
        Browser other = browser();
        Browser.Response otherHome = signInToPortal(other, newAdministrator());
        Map<String, String> borrowed = new LinkedHashMap<>(form);
        borrowed.put("csrf_token", other.formValues(otherHome, "form#newTenantForm").get("csrf_token"));
        assertThat(browser.post("/admin/tenants", borrowed).status()).isEqualTo(403);
        assertThat(tenants.findByNameOrId(name)).isEmpty();

        assertThat(browser.post("/admin/tenants", form).isRedirect()).isTrue();
        assertThat(tenants.findByNameOrId(name)).isPresent();
    }

    @Test
    void portalPostWithoutASessionGets403EvenWithAToken() {
        Browser browser = browser();
        Browser.Response home = signInToPortal(browser, newAdministrator());
        Map<String, String> form = new LinkedHashMap<>(browser.formValues(home, "form#newTenantForm"));
        String name = "csrf" + UUID.randomUUID().toString().substring(0, 8);
        form.put("name", name);

        Browser stranger = browser();
        assertThat(stranger.post("/admin/tenants", form).status()).isEqualTo(403);
        assertThat(tenants.findByNameOrId(name)).isEmpty();
    }

    @Test
    void signOutWithoutTheTokenGets403AndTheSessionStays() {
        Browser browser = browser();
        Browser.Response home = signInToPortal(browser, newAdministrator());
        String session = browser.cookie("foyer_admin").orElseThrow();

        assertThat(browser.post("/admin/signout", Map.of()).status()).isEqualTo(403);
        assertThat(browser.post("/admin/signout", Map.of("csrf_token", "forged")).status()).isEqualTo(403);
        assertThat(adminSessions(session)).isOne();
        assertThat(browser.get("/admin").status()).isEqualTo(200);

        Browser.Response signedOut = browser.post("/admin/signout",
                Map.of("csrf_token", browser.formValues(home, "form#newTenantForm").get("csrf_token")));
        assertThat(signedOut.isRedirect()).isTrue();
        assertThat(adminSessions(session)).isZero();
    }

    @Test
    void setupPostWithoutTheSetupTokenCreatesNoAdministrator() {
        int before = systemUsers();
        for (String token : List.of("", "forged", OpaqueTokens.generate())) {
            Browser.Response response = browser().post("/admin/setup", Map.of("token", token,
                    "email", uniqueEmail(), "newPassword", PASSWORD, "reenterPassword", PASSWORD));
            assertThat(response.status()).isEqualTo(404);
        }
        assertThat(systemUsers()).isEqualTo(before);
    }

    @Test
    void journeyFormWithTheTokenOfAnotherJourneyOfTheSameBrowserGets403() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response first = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Browser.Response second = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        assertThat(first.uri()).isNotEqualTo(second.uri());

        Map<String, String> form = new LinkedHashMap<>(browser.formValues(first, "form#localAccountForm"));
        form.put("csrf_token", browser.formValues(second, "form#localAccountForm").get("csrf_token"));
        form.put("action", "signUp");
        Browser.Response refused = browser.post(first.uri().toString(), form);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.document().selectFirst("form")).isNull();
    }

    private int adminSessions(String id) {
        return jdbc.sql("select count(*) from admin_session where id_hash = ?").param(OpaqueTokens.hash(id))
                .query(Integer.class).single();
    }

    private int systemUsers() {
        return jdbc.sql("select count(*) from directory_user where tenant_id = ?").param(system.tenant().id())
                .query(Integer.class).single();
    }
}
