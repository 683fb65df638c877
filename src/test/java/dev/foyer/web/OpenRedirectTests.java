package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Foyer is no open redirector: a redirect_uri or post_logout_redirect_uri that is not exactly one
 * registered for the application is never followed — not on success, not on any error — and the
 * page shown instead offers no way there either.
 */
class OpenRedirectTests extends EndToEndTest {

    private static final String REGISTERED = "https://app.example/signin-oidc";
    private static final String LOGOUT_URL = "https://app.example/logout";

    /** Near misses of {@link #REGISTERED}, and addresses elsewhere dressed up as it. */
    private static final List<String> NEAR_MISSES = List.of(
            REGISTERED + "/",
            "https://APP.example/signin-oidc",
            "https://app.example/SIGNIN-OIDC",
            "HTTPS://app.example/signin-oidc",
            REGISTERED + "?next=https://evil.example/",
            REGISTERED + "#https://evil.example/",
            REGISTERED + "/../../evil",
            "https://app.example@evil.example/signin-oidc",
            "https://app.example.evil.example/signin-oidc",
            "https://app.example:443/signin-oidc",
            "https://app.example:8443/signin-oidc",
            "http://app.example/signin-oidc",
            "https://app.example/signin%2Doidc",
            "https%3A%2F%2Fapp.example%2Fsignin-oidc",
            "https://app.example/signin-oidc%0d%0aLocation:%20https://evil.example/",
            "https://app.example/signin-oidc\r\nLocation: https://evil.example/",
            " https://app.example/signin-oidc",
            REGISTERED + " ",
            REGISTERED + "\t",
            "//evil.example/signin-oidc",
            "/\\evil.example/signin-oidc",
            "https://evil.example/signin-oidc",
            "javascript:alert(1)",
            "javascript://app.example/signin-oidc%0aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "");

    private TestTenant t;

    @BeforeEach
    void tenant() {
        t = newTenant();
    }

    @Test
    void authorizeWithAnyNearMissOfTheRegisteredRedirectUriShowsAPageAndNeverRedirects() {
        for (String variant : NEAR_MISSES) {
            for (String mode : List.of("query", "fragment", "form_post")) {
                Browser.Response response = browser().get(authorizeUrl(t, "B2C_1_susi",
                        Map.of("redirect_uri", variant, "response_mode", mode)));
                assertPageWithoutWayTo(response, variant);
            }
        }
    }

    @Test
    void everyAuthorizeErrorWithAnUnregisteredRedirectUriIsShownOnAPage() {
        String evil = "https://evil.example/callback";
        for (Map<String, String> error : authorizeErrors()) {
            Map<String, String> params = new LinkedHashMap<>(error);
            params.put("redirect_uri", evil);
            Browser.Response response = browser().get(authorizeUrl(t, "B2C_1_susi", params));
            assertPageWithoutWayTo(response, evil);
        }
        Browser.Response unknownFlow = browser().get(authorizeUrl(t, "B2C_1_nope", Map.of("redirect_uri", evil)));
        assertPageWithoutWayTo(unknownFlow, evil);
        Browser.Response unknownClient = browser().get(authorizeUrl(t, "B2C_1_susi",
                Map.of("client_id", "00000000-0000-0000-0000-000000000000", "redirect_uri", evil)));
        assertPageWithoutWayTo(unknownClient, evil);
        Browser.Response otherTenantsClient = browser().get(authorizeUrl(newTenant(), "B2C_1_susi",
                Map.of("client_id", t.webClientId().toString(), "redirect_uri", REGISTERED)));
        assertPageWithoutWayTo(otherTenantsClient, REGISTERED);
    }

    @Test
    void everyAuthorizeErrorWithTheRegisteredRedirectUriGoesBackToItAndNowhereElse() {
        for (Map<String, String> error : authorizeErrors()) {
            Map<String, String> params = new LinkedHashMap<>(error);
            params.put("state", "s-1");
            Browser.Response response = browser().get(authorizeUrl(t, "B2C_1_susi", params));
            assertThat(response.isRedirect()).as(error + ": " + response.status() + " " + response.body()).isTrue();
            String location = response.location().orElseThrow();
            assertThat(location).as(error.toString()).matches("\\Q" + REGISTERED + "\\E[?#].*");
            assertThat(responseParameters(location)).as(error.toString()).containsKey("error")
                    .containsEntry("state", "s-1").doesNotContainKey("code");
        }
    }

    @Test
    void formPostErrorsPostOnlyToTheRegisteredRedirectUri() {
        Browser.Response response = browser().get(authorizeUrl(t, "B2C_1_susi",
                Map.of("response_mode", "form_post", "scope", "profile")));
        assertThat(response.status()).isEqualTo(200);
        Document page = response.document();
        assertThat(page.select("form").eachAttr("action")).containsExactly(REGISTERED);
        assertThat(page.select("input[name=error]").val()).isEqualTo("invalid_scope");
    }

    @Test
    void logoutReturnsOnlyToARegisteredAddressWithState() {
        Browser.Response response = browser().get(logoutUrl(Map.of("client_id", t.webClientId().toString(),
                "post_logout_redirect_uri", LOGOUT_URL, "state", "bye")));
        assertThat(response.location()).hasValue(LOGOUT_URL + "?state=bye");
    }

    @Test
    void logoutToAnyNearMissOrUnregisteredAddressShowsTheSignedOutPageWithoutAWayThere() {
        List<String> variants = new java.util.ArrayList<>(NEAR_MISSES.stream()
                .map(v -> v.replace(REGISTERED, LOGOUT_URL)).toList());
        variants.add("https://evil.example/logout");
        for (String variant : variants) {
            for (Map<String, String> who : List.of(Map.of("client_id", t.webClientId().toString()),
                    Map.of("client_id", "00000000-0000-0000-0000-000000000000"), Map.<String, String>of())) {
                Map<String, String> params = new LinkedHashMap<>(who);
                params.put("post_logout_redirect_uri", variant);
                params.put("state", "bye");
                Browser.Response response = browser().get(logoutUrl(params));
                if (variant.isBlank()) {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.location()).isEmpty();
                    continue;
                }
                assertPageWithoutWayTo(response, variant);
                assertThat(response.document().getElementById("signedOut")).as(response.body()).isNotNull();
            }
        }
        Browser.Response badHint = browser().get(logoutUrl(Map.of("id_token_hint", "not-a-token",
                "post_logout_redirect_uri", "https://evil.example/logout")));
        assertPageWithoutWayTo(badHint, "https://evil.example/logout");
    }

    /** Requests with one mistake each, made after client and redirect URI are checked. */
    private List<Map<String, String>> authorizeErrors() {
        return List.of(
                Map.of("response_type", "token"),
                Map.of("response_type", ""),
                Map.of("scope", "profile"),
                Map.of("response_mode", "query", "response_type", "id_token"),
                Map.of("response_mode", "bogus"),
                Map.of("response_type", "id_token", "nonce", ""),
                Map.of("code_challenge", "x".repeat(43), "code_challenge_method", "plain"),
                Map.of("code_challenge", "short", "code_challenge_method", "S256"),
                Map.of("prompt", "none"),
                Map.of("prompt", "bogus"),
                Map.of("max_age", "-1"),
                Map.of("nonce", "n".repeat(3000)));
    }

    private String logoutUrl(Map<String, String> params) {
        return "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/logout?" + Browser.encode(params);
    }

    /** A page, not a redirect, with no link, form, refresh or script that leads to {@code target}. */
    private static void assertPageWithoutWayTo(Browser.Response response, String target) {
        assertThat(response.isRedirect()).as(target + " → " + response.status() + " " + response.location())
                .isFalse();
        assertThat(response.location()).as(target).isEmpty();
        assertThat(response.status()).as(target).isIn(200, 400, 404);
        Document page = response.document();
        assertThat(page.select("meta[http-equiv]")).as(target).isEmpty();
        assertThat(page.select("script:not([src])")).as(target).isEmpty();
        for (org.jsoup.nodes.Element element : page.select("[href], [src], [action], [formaction]")) {
            for (String name : List.of("href", "src", "action", "formaction")) {
                String value = element.attr(name).strip().toLowerCase(java.util.Locale.ROOT);
                assertThat(value).as(target + ": " + element).doesNotContain("evil").doesNotContain("app.example")
                        .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("//");
            }
        }
    }
}
