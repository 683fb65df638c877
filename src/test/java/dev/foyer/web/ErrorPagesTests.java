package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every error — from Spring MVC, from the error controller, from Tomcat itself — is a plain page (or
 * plain JSON) with the security headers: no stack trace, exception class, exception message, SQL,
 * internal id, request path or Spring's whitelabel page. A test-only controller forces a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "foyer.tls.enabled=false")
@Import(ErrorPagesTests.FailingController.class)
class ErrorPagesTests {

    static final String DATA_DIR = "./target/test-data/" + UUID.randomUUID();
    static final String SECRET_ID = "3f1c9a52-internal-id";
    static final String FAILURE = "select password_hash from directory_user where object_id = '" + SECRET_ID + "'";

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    @LocalServerPort
    int port;

    @Test
    void unexpectedExceptionGets500PageWithoutAnyDetailOfIt() throws Exception {
        for (String accept : List.of("text/html", "application/json", "*/*")) {
            HttpResponse<String> response = get("/test-only/fail", accept);

            assertThat(response.statusCode()).isEqualTo(500);
            assertPlain(response);
        }
        assertThat(get("/test-only/fail", "text/html").body()).contains("Something went wrong on our side");
    }

    @Test
    void notFoundMethodNotAllowedAndUnsupportedMediaTypeArePlain() throws Exception {
        HttpResponse<String> notFound = get("/no-such-page/" + SECRET_ID, "text/html");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("There is nothing at this address.");
        assertPlain(notFound);

        HttpResponse<String> notFoundJson = get("/no-such-page/" + SECRET_ID, "application/json");
        assertThat(notFoundJson.statusCode()).isEqualTo(404);
        assertThat(notFoundJson.body()).contains("\"status\":404").doesNotContain("path");
        assertPlain(notFoundJson);

        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri("/tokenviewer"))
                .header("Accept", "text/html").method("DELETE", HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).contains("does not accept this kind of request");
        assertPlain(wrongMethod);

        HttpResponse<String> wrongType = send(HttpRequest.newBuilder(uri("/admin/api/v1/tenants"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(wrongType.statusCode()).isBetween(400, 415);
        assertPlain(wrongType);
    }

    @Test
    void malformedRequestsTomcatRefusesItselfGetAPlainPageWithTheSecurityHeaders() throws Exception {
        for (String request : List.of(
                "GET /%c0%ae%c0%ae/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET /a%00b HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n")) {
            String response = raw(request);

            assertThat(response).startsWith("HTTP/1.1 400");
            assertThat(response).containsIgnoringCase("Content-Security-Policy: default-src 'self'")
                    .containsIgnoringCase("X-Content-Type-Options: nosniff")
                    .containsIgnoringCase("Referrer-Policy: no-referrer")
                    .contains("The request could not be understood")
                    .doesNotContain("<style").doesNotContain("style=")
                    .doesNotContainIgnoringCase("tomcat").doesNotContain("Exception");
        }
    }

    @Test
    void malformedJsonToTheAdminApiIsAPlainJsonError() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/admin/api/v1/tenants"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":")));
        assertThat(response.statusCode()).isIn(400, 401);
        assertPlain(response);
    }

    private static void assertPlain(HttpResponse<String> response) {
        assertThat(response.body())
                .doesNotContain("Whitelabel")
                .doesNotContain("Exception")
                .doesNotContain("exception")
                .doesNotContain("trace")
                .doesNotContain("java.")
                .doesNotContain("dev.foyer")
                .doesNotContain("\tat ")
                .doesNotContainIgnoringCase("select ")
                .doesNotContain(SECRET_ID)
                .doesNotContainIgnoringCase("tomcat")
                .doesNotContain("style=");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", accept));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A request written byte for byte, for what an HTTP client library refuses to send. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @RestController
    static class FailingController {

        @GetMapping("/test-only/fail")
        String fail() {
            throw new IllegalStateException(FAILURE, new java.sql.SQLException(FAILURE));
        }
    }
}
