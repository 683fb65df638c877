package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.json.JsonMapper;

import dev.foyer.testing.EndToEndTest;

/**
 * {@code X-Forwarded-*} counts only when the operator says Foyer runs behind a proxy that sets them
 * ({@code FOYER_FORWARDED_HEADERS=framework}); otherwise anyone could make Foyer name another
 * issuer or believe a request came over HTTPS. The discovery document's issuer shows which origin
 * Foyer took the request for.
 */
class ForwardedHeadersTests {

    private static final String DISCOVERY = "/contoso/b2c_1_susi/v2.0/.well-known/openid-configuration";

    static String issuer(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + DISCOVERY))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "login.example.com")
                .header("X-Forwarded-Port", "443")
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).get("issuer").asString();
    }

    @Nested
    class ByDefault extends EndToEndTest {

        @Test
        void discoveryWhenForwardedHeadersAreSentThenIgnored() throws Exception {
            assertThat(issuer(port)).isEqualTo("http://127.0.0.1:" + port + "/contoso/b2c_1_susi/v2.0");
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "foyer.data-dir=./target/test-data/${random.uuid}",
            "server.forward-headers-strategy=framework"})
    class BehindAProxy {

        @LocalServerPort
        int port;

        @Test
        void discoveryWhenForwardedHeadersAreSentThenTheProxysOriginIsTheIssuer() throws Exception {
            assertThat(issuer(port)).isEqualTo("https://login.example.com/contoso/b2c_1_susi/v2.0");
        }
    }
}
