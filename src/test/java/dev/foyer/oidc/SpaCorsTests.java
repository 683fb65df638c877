package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Browser apps fetch discovery and keys and redeem codes cross-origin (MSAL does): the origins of a
 * tenant's single-page apps may, every other origin gets no CORS headers.
 */
class SpaCorsTests extends EndToEndTest {

    private static final String SPA_ORIGIN = "http://localhost:3000";

    @Test
    void discoveryWhenFetchedFromARegisteredSpaOriginThenAllowsThatOrigin() throws Exception {
        TestTenant t = newTenant();
        HttpResponse<String> response = send("GET", discovery(t), SPA_ORIGIN, Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(SPA_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(response.headers().allValues("Vary")).contains("Origin");
    }

    @Test
    void tokenPreflightWhenFromARegisteredSpaOriginThenAllowsPostAndTheRequestedHeaders() throws Exception {
        TestTenant t = newTenant();
        HttpResponse<String> preflight = send("OPTIONS", origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/token",
                SPA_ORIGIN, Map.of("Access-Control-Request-Method", "POST",
                        "Access-Control-Request-Headers", "content-type,x-client-sku"));

        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(SPA_ORIGIN);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET, POST");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type,x-client-sku");
    }

    @Test
    void tokenRequestWhenFromARegisteredSpaOriginThenTheErrorIsReadableByThePage() throws Exception {
        TestTenant t = newTenant();
        HttpResponse<String> response = send("POST", origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/token",
                SPA_ORIGIN, Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "grant_type=authorization_code&code=nope&client_id=" + t.spaClientId());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains(SPA_ORIGIN);
    }

    @Test
    void discoveryWhenFetchedFromAnUnregisteredOriginThenNoCorsHeaders() throws Exception {
        TestTenant t = newTenant();
        HttpResponse<String> response = send("GET", discovery(t), "https://evil.example", Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void preflightWhenFromAWebAppsOriginThenNoCorsHeaders() throws Exception {
        TestTenant t = newTenant();
        HttpResponse<String> preflight = send("OPTIONS", origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/token",
                "https://app.example", Map.of("Access-Control-Request-Method", "POST"));

        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    }

    @Test
    void discoveryWhenTheOriginBelongsToAnotherTenantsSpaThenNoCorsHeaders() throws Exception {
        TestTenant owner = newTenant();
        TestTenant other = newTenant();
        TenantContext.run(other.tenant(), () -> applications.updateRedirectUris(other.spaClientId(),
                List.of("http://localhost:4000/")));

        HttpResponse<String> response = send("GET", discovery(other), SPA_ORIGIN, Map.of());

        assertThat(owner.spaRedirectUri()).startsWith(SPA_ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(send("GET", discovery(other), "http://localhost:4000", Map.of()).headers()
                .firstValue("Access-Control-Allow-Origin")).contains("http://localhost:4000");
    }

    @Test
    void authorizeWhenRequestedWithAnOriginThenNoCorsHeaders() throws Exception {
        TestTenant t = newTenant();
        HttpResponse<String> response = send("GET", origin() + authorizeUrl(t, "B2C_1_susi", Map.of()), SPA_ORIGIN,
                Map.of());

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void originOfWhenRedirectUriHasPathOrDefaultPortThenSchemeHostAndPortOnly() {
        assertThat(SpaCorsFilter.originOf("http://localhost:5173/")).isEqualTo("http://localhost:5173");
        assertThat(SpaCorsFilter.originOf("https://App.Example:443/cb?x=1")).isEqualTo("https://app.example");
        assertThat(SpaCorsFilter.originOf("com.example.app:/callback")).isNull();
    }

    private String discovery(TestTenant t) {
        return origin() + "/" + t.name() + "/b2c_1_susi/v2.0/.well-known/openid-configuration";
    }

    private static HttpResponse<String> send(String method, String url, String origin, Map<String, String> headers)
            throws Exception {
        return send(method, url, origin, headers, null);
    }

    private static HttpResponse<String> send(String method, String url, String origin, Map<String, String> headers,
                                             String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Origin", origin)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
