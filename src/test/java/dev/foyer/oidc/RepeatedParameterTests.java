package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 6749 §3.1: a protocol parameter sent twice is refused, never resolved by guessing. */
class RepeatedParameterTests extends EndToEndTest {

    @Test
    void authorizeWithARepeatedRedirectUriIsRefusedOnAPageAndNeverRedirected() {
        TestTenant t = newTenant();
        String url = authorizeUrl(t, "B2C_1_susi", Map.of()) + "&redirect_uri=https%3A%2F%2Fevil.example%2F";
        Browser.Response response = browser().get(url);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.location()).isEmpty();
        assertThat(response.body()).contains("repeats the parameter redirect_uri");
    }

    @Test
    void tokenRequestWithARepeatedCodeIsInvalidRequest() {
        TestTenant t = newTenant();
        Browser.Response response = tokenRequest(t, "B2C_1_susi", Map.of("grant_type", "authorization_code",
                "code", "a", "redirect_uri", t.webRedirectUri()), true);
        assertThat(response.status()).isEqualTo(400);
        String body = Browser.encode(Map.of("grant_type", "authorization_code", "redirect_uri", t.webRedirectUri()))
                + "&code=one&code=two";
        var raw = rawTokenPost(t, body);
        assertThat(raw.status()).isEqualTo(400);
        assertThat(jsonOf(raw).get("error").asString()).isEqualTo("invalid_request");
        assertThat(jsonOf(raw).get("error_description").asString()).contains("code");
    }

    private Browser.Response rawTokenPost(TestTenant t, String body) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            (t.webClientId() + ":" + t.webClientSecret()).getBytes()))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
