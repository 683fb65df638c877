package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "foyer.tls.enabled=false")
@Import(SecurityHeadersFilterTests.ProbeController.class)
class SecurityHeadersFilterTests {

    // Resolved once: a ${random.uuid} placeholder would yield a new directory on every read.
    static final String DATA_DIR = "./target/test-data/" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Test
    void getWhenPageServedThenSecurityHeadersSet() throws Exception {
        HttpResponse<String> response = get("/probe");

        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response.headers());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(response.headers().firstValue("Pragma")).contains("no-cache");
    }

    @Test
    void getWhenNotFoundThenErrorResponseCarriesSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/no-such-page");

        assertThat(response.statusCode()).isEqualTo(404);
        assertSecurityHeaders(response.headers());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void getWhenStaticResourceThenCacheableButOtherwiseProtected() throws Exception {
        HttpResponse<String> response = get("/static/probe.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertSecurityHeaders(response.headers());
        assertThat(response.headers().allValues("Cache-Control")).doesNotContain("no-store");
        assertThat(response.headers().firstValue("Pragma")).isEmpty();
    }

    @Test
    void getWhenPlainHttpThenNoStrictTransportSecurity() throws Exception {
        assertThat(get("/probe").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    private static void assertSecurityHeaders(HttpHeaders headers) {
        assertThat(headers.firstValue("Content-Security-Policy")).contains("default-src 'self'; script-src 'self'; "
                + "style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @RestController
    static class ProbeController {

        @GetMapping("/probe")
        String page() {
            return "probe";
        }

        @GetMapping("/static/probe.js")
        String script() {
            return "// probe";
        }
    }
}
