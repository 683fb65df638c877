package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Requests over a size limit are refused with a clear status and a plain answer — never a 500, a
 * stack trace or a half-done change: forms over 64 KiB (413), more than 256 parameters (400), a URL
 * over 8 KiB (414), headers over 16 KiB (400), admin API bodies over 256 KiB (413).
 */
class RequestLimitsTests extends AdminEndToEndTest {

    @Test
    void formPostOver64KibGets413AndTheJourneyIsUnchanged() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        int version = journeyVersion(t);
        Map<String, String> form = new LinkedHashMap<>(browser.formValues(signIn, "form#localAccountForm"));
        form.put("action", "signIn");
        form.put("signInName", "a".repeat(70 * 1024) + "@example.com");

        Browser.Response refused = browser.post(signIn.uri().toString(), form);

        assertThat(refused.status()).isEqualTo(413);
        assertPlain(refused);
        assertThat(journeyVersion(t)).isEqualTo(version);

        form.put("signInName", "a".repeat(60 * 1024) + "@example.com");
        assertThat(browser.post(signIn.uri().toString(), form).status()).as("under the limit").isLessThan(413);
    }

    @Test
    void moreThan256ParametersGets400() {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            form.put("p" + i, "1");
        }
        Browser.Response refused = browser().post("/tokenviewer", form);
        assertThat(refused.status()).isEqualTo(400);
        assertPlain(refused);

        Browser.Response query = browser().get("/demo/callback?" + Browser.encode(form));
        assertThat(query.status()).isEqualTo(400);
        assertPlain(query);
    }

    @Test
    void urlOver8KibGets414() {
        TestTenant t = newTenant();
        Browser.Response refused = browser().get(authorizeUrl(t, "B2C_1_susi", Map.of("state", "s".repeat(9000))));
        assertThat(refused.status()).isEqualTo(414);
        assertThat(refused.location()).isEmpty();
        assertPlain(refused);
        assertThat(count("journey", t)).isZero();

        Browser.Response fits = browser().get(authorizeUrl(t, "B2C_1_susi", Map.of("state", "s".repeat(2000))));
        assertThat(fits.isRedirect()).isTrue();
    }

    @Test
    void headersOver16KibGet400WithAPlainPage() throws Exception {
        String response;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: localhost\r\nCookie: x=" + "c".repeat(17 * 1024)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 400").contains("Content-Security-Policy")
                .contains("The request could not be understood").doesNotContainIgnoringCase("tomcat");

        Browser browser = browser();
        browser.addCookie("x", "c".repeat(12 * 1024));
        assertThat(browser.get("/").status()).as("12 KiB of headers fit").isEqualTo(200);
    }

    @Test
    void adminApiBodyOver256KibGets413AndCreatesNothing() {
        String token = clientToken("foyer.admin");
        String name = "big" + UUID.randomUUID().toString().substring(0, 8);
        String big = "{\"name\":\"" + name + "\",\"displayName\":\"" + "d".repeat(300 * 1024) + "\"}";

        Browser.Response refused = api("POST", "/admin/api/v1/tenants", token, big, Map.of());

        assertThat(refused.status()).isEqualTo(413);
        assertThat(jsonOf(refused).get("error").asString()).isEqualTo("payload_too_large");
        assertThat(refused.body()).doesNotContain("Exception");
        assertThat(tenants.findByNameOrId(name)).isEmpty();

        String underLimit = "{\"name\":\"" + name + "\",\"displayName\":\"" + "d".repeat(200 * 1024) + "\"}";
        Browser.Response validated = api("POST", "/admin/api/v1/tenants", token, underLimit, Map.of());
        assertThat(validated.status()).as("read and validated, not refused for size").isEqualTo(400);
        assertThat(jsonOf(validated).get("error").asString()).isEqualTo("invalid_input");
        assertThat(tenants.findByNameOrId(name)).isEmpty();
    }

    @Test
    void adminApiChunkedBodyOver256KibGets413() throws Exception {
        String token = clientToken("foyer.admin");
        String name = "chunk" + UUID.randomUUID().toString().substring(0, 8);
        byte[] body = ("{\"name\":\"" + name + "\",\"displayName\":\"" + "d".repeat(300 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(origin() + "/admin/api/v1/tenants"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("payload_too_large");
        assertThat(tenants.findByNameOrId(name)).isEmpty();
    }

    private static void assertPlain(Browser.Response response) {
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("Whitelabel").doesNotContain("java.")
                .doesNotContainIgnoringCase("tomcat");
        assertThat(response.header("Content-Security-Policy")).isPresent();
    }

    private int journeyVersion(TestTenant t) {
        return jdbc.sql("select version from journey where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    private int count(String table, TestTenant t) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }
}
