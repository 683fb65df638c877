package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.tls.TlsEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page, JSON answer, static file, redirect and error carries the Content-Security-Policy (no
 * inline script anywhere; inline style only on the API docs UI), frame-ancestors 'none', nosniff,
 * Referrer-Policy — and HSTS exactly when served over TLS. The templates themselves hold no inline
 * script, style attribute or event handler, so the policy never has to be loosened for them.
 */
class SecurityHeadersOnEveryPageTests extends AdminEndToEndTest {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<script[^>]*>\\s*[^<\\s]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("<style\\b|\\sstyle\\s*=|th:style", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);

    @Autowired
    TlsEndpoint tls;

    @Test
    void everyPublicPageAndErrorCarriesTheHeadersWithoutHstsOverHttp() {
        TestTenant t = newTenant();
        for (Browser.Response response : walk(browser(), t)) {
            assertHeaders(response, false);
        }
    }

    @Test
    void everyPublicPageAndErrorCarriesTheHeadersAndHstsOverHttps() {
        TestTenant t = newTenant();
        List<Browser.Response> responses = walk(Tls.browser(tls), t);
        assertThat(responses).allSatisfy(r -> assertThat(r.uri().getScheme()).isEqualTo("https"));
        for (Browser.Response response : responses) {
            assertHeaders(response, true);
        }
    }

    @Test
    void everyPortalPageAndPostResultCarriesTheHeaders() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response home = signInToPortal(browser, newAdministrator());
        List<Browser.Response> responses = new ArrayList<>(List.of(home));
        String base = "/admin/tenants/" + t.name();
        for (String path : List.of("/admin/tenants", base, base + "/applications", base + "/keys", base + "/users",
                base + "/users?email=nobody@example.com", base + "/auditLog", base + "/userFlows",
                base + "/userFlows/new", base + "/userFlows/B2C_1_susi", base + "/userFlows/B2C_1_susi/properties",
                base + "/userFlows/B2C_1_susi/userAttributes", base + "/userFlows/B2C_1_susi/applicationClaims",
                base + "/userFlows/B2C_1_susi/identityProviders", base + "/userFlows/B2C_1_nope",
                base + "/identityProviders", base + "/identityProviders?kind=GOOGLE", base + "/identityProviders/Nope",
                "/admin/tenants/no-such-tenant")) {
            responses.add(browser.get(path));
        }
        responses.add(browser.submit(home, "form#newTenantForm", "button#createTenant", Map.of("name", "!")));
        responses.add(browser.post("/admin/tenants", Map.of("name", "x")));
        for (Browser.Response response : responses) {
            assertHeaders(response, false);
        }
        assertThat(responses.get(0).status()).isEqualTo(200);
    }

    @Test
    void templatesHaveNoInlineScriptNoStyleAttributeAndNoEventHandler() throws IOException {
        List<Path> templates;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            templates = files.filter(f -> f.toString().endsWith(".html")).toList();
        }
        assertThat(templates).hasSizeGreaterThan(20);
        for (Path template : templates) {
            String html = Files.readString(template, StandardCharsets.UTF_8);
            assertThat(find(INLINE_SCRIPT, html)).as("inline script in " + template).isEmpty();
            assertThat(find(STYLE, html)).as("inline style in " + template).isEmpty();
            assertThat(find(HANDLER, html)).as("event handler attribute in " + template).isEmpty();
            assertThat(find(JAVASCRIPT_URL, html)).as("javascript: URL in " + template).isEmpty();
        }
    }

    @Test
    void theTemplateScanCatchesWhatItLooksFor() {
        assertThat(find(INLINE_SCRIPT, "<script>alert(1)</script>")).isNotEmpty();
        assertThat(find(INLINE_SCRIPT, "<script type=\"module\">\n x()</script>")).isNotEmpty();
        assertThat(find(INLINE_SCRIPT, "<script src=\"/static/form-post.js\" defer></script>")).isEmpty();
        assertThat(find(STYLE, "<p style=\"color:red\">")).isNotEmpty();
        assertThat(find(STYLE, "<style>p{}</style>")).isNotEmpty();
        assertThat(find(HANDLER, "<img src=x onerror=\"alert(1)\">")).isNotEmpty();
        assertThat(find(HANDLER, "<button th:onclick=\"x\">")).isNotEmpty();
        assertThat(find(HANDLER, "<input id=\"online\" name=\"one\">")).isEmpty();
    }

    /** GET pages, representative POST results and errors, as a browser without a session meets them. */
    private List<Browser.Response> walk(Browser browser, TestTenant t) {
        String flow = "/" + t.name() + "/b2c_1_susi";
        List<Browser.Response> responses = new ArrayList<>();
        for (String path : List.of("/", "/demo/callback", "/demo/callback?error=access_denied", "/tokenviewer",
                "/dev/outbox", "/dev/outbox/messages?to=nobody@example.com", "/admin", "/admin/signin",
                "/admin/setup?token=wrong", "/admin/api/v1/openapi.json", "/admin/api/v1/docs",
                "/admin/api/v1/docs/swagger-ui/index.html", "/admin/api/v1/tenants", "/admin/api/v1/me",
                flow + "/v2.0/.well-known/openid-configuration", "/" + t.name() + "/B2C_1_SUSI/v2.0/.well-known/openid-configuration",
                flow + "/discovery/v2.0/keys", flow + "/openid/v2.0/userinfo",
                flow + "/oauth2/v2.0/authorize", flow + "/oauth2/v2.0/authorize?client_id=nope&redirect_uri=x",
                "/" + t.name() + "/b2c_1_nope/oauth2/v2.0/authorize", flow + "/oauth2/v2.0/logout",
                flow + "/oauth2/v2.0/authorize/resume?journey=nope", flow + "/journey/nope",
                "/static/foyer.css", "/static/form-post.js", "/static/nope.js", "/no-such-page",
                "/?q=" + "a".repeat(9000))) {
            responses.add(browser.get(path));
        }
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        assertThat(signIn.document().selectFirst("form#localAccountForm")).as(signIn.body()).isNotNull();
        responses.add(signIn);
        responses.add(browser.submit(signIn, "form#localAccountForm", "button#next",
                Map.of("signInName", "nobody@example.com", "password", "wrong")));
        Map<String, String> forged = new LinkedHashMap<>(browser.formValues(signIn, "form#localAccountForm"));
        forged.put("csrf_token", "forged");
        responses.add(browser.post(signIn.uri().toString(), forged));
        responses.add(browser.get(authorizeUrl(t, "B2C_1_susi", Map.of("response_mode", "form_post",
                "scope", "profile"))));
        responses.add(browser.get(authorizeUrl(t, "B2C_1_susi", Map.of("prompt", "none"))));
        jdbc.sql("update journey set expires_at = ? where tenant_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), t.tenant().id()).update();
        responses.add(browser.get(signIn.uri().toString()));
        responses.add(browser.post("/tokenviewer", Map.of("token", "not-a-token")));
        responses.add(browser.post("/tokenviewer", Map.of("token", "x".repeat(70_000))));
        responses.add(browser.post("/" + t.name() + "/b2c_1_susi/oauth2/v2.0/token", Map.of()));
        responses.add(browser.post("/admin/tenants", Map.of()));
        responses.add(browser.post("/no-such-page", Map.of()));
        responses.add(browser.post("/admin/api/v1/openapi.json", Map.of()));
        return responses;
    }

    private static void assertHeaders(Browser.Response response, boolean secure) {
        String where = response.status() + " " + response.uri();
        String csp = response.header("Content-Security-Policy").orElseThrow(() -> new AssertionError("CSP on " + where));
        Map<String, String> directives = new LinkedHashMap<>();
        Arrays.stream(csp.split(";")).map(String::strip).filter(d -> !d.isEmpty())
                .forEach(d -> directives.put(d.split("\\s+", 2)[0], d.contains(" ") ? d.split("\\s+", 2)[1] : ""));
        assertThat(directives).as(where).containsEntry("frame-ancestors", "'none'")
                .containsEntry("script-src", "'self'").containsEntry("default-src", "'self'")
                .containsEntry("object-src", "'none'").containsEntry("base-uri", "'none'");
        if (!response.uri().getPath().startsWith("/admin/api/v1/docs/")) {
            assertThat(csp).as(where).doesNotContain("unsafe-inline");
        }
        assertThat(csp).as(where).doesNotContain("unsafe-eval");
        assertThat(response.header("X-Content-Type-Options")).as(where).hasValue("nosniff");
        assertThat(response.header("Referrer-Policy")).as(where).hasValue("no-referrer");
        assertThat(response.header("X-Frame-Options")).as(where).hasValue("DENY");
        if (secure) {
            assertThat(response.header("Strict-Transport-Security")).as(where).hasValue("max-age=31536000");
        } else {
            assertThat(response.header("Strict-Transport-Security")).as(where).isEmpty();
        }
        assertThat(response.status()).as(where).isLessThan(500);
    }

    private static List<String> find(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(html);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
