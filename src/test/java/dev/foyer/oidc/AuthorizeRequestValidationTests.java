package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authorize endpoint's checks, in the order that keeps users safe: until the tenant, flow,
 * client and redirect URI are known good, a problem is shown on a page and the browser is never sent
 * anywhere; after that, a bad request goes back to the application with an RFC 6749 error. No
 * refused request starts a journey. Parameters the server does not know (MSAL's) are ignored.
 */
class AuthorizeRequestValidationTests extends ProtocolEndToEndTest {

    @Test
    void authorizeWhenTenantIsUnknownThenNotFoundPageAndNoRedirect() {
        TestTenant t = newTenant();
        String url = authorizeUrl(t, SUSI, Map.of()).replaceFirst("^/" + t.name() + "/", "/nosuchtenant/");

        Browser.Response response = browser().get(url);

        assertShownOnPage(response, 404, "does not exist");
    }

    @Test
    void authorizeWhenFlowIsUnknownThenNotFoundPageAndNoRedirect() {
        TestTenant t = newTenant();

        Browser.Response response = browser().get(authorizeUrl(t, "B2C_1_nosuchflow", Map.of()));

        assertShownOnPage(response, 404, "does not exist");
        assertThat(journeys(t)).isZero();
    }

    @Test
    void authorizeWhenClientIdIsUnknownThenErrorPageAndNoRedirect() {
        TestTenant t = newTenant();
        TestTenant other = newTenant();

        Browser.Response unknown = browser().get(authorizeUrl(t, SUSI, Map.of(
                "client_id", "00000000-0000-0000-0000-000000000000")));
        Browser.Response ofAnotherTenant = browser().get(authorizeUrl(t, SUSI, Map.of(
                "client_id", other.webClientId().toString())));
        Browser.Response missing = browser().get(authorizeUrl(t, SUSI, with("client_id", null)));

        assertShownOnPage(unknown, 400, "not registered");
        assertShownOnPage(ofAnotherTenant, 400, "not registered");
        assertShownOnPage(missing, 400, "client_id");
        assertThat(journeys(t)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://evil.example/signin-oidc",
            "https://app.example/signin-oidc/",
            "https://app.example/Signin-Oidc",
            "https://APP.EXAMPLE/signin-oidc",
            "http://app.example/signin-oidc",
            "https://app.example/signin-oidc?next=https://evil.example",
            "https://app.example/signin-oidc#x",
            "https://app.example.evil.example/signin-oidc",
            "https://app.example:8443/signin-oidc",
            "https://app.example/signin-oidc/../evil",
            " https://app.example/signin-oidc",
            "http://localhost:3000/"})
    void authorizeWhenRedirectUriIsNotRegisteredForTheClientThenErrorPageAndNeverRedirected(String redirectUri) {
        TestTenant t = newTenant();

        Browser.Response response = browser().get(authorizeUrl(t, SUSI, Map.of("redirect_uri", redirectUri)));

        assertShownOnPage(response, 400, "is not registered");
        Document page = response.document();
        assertThat(page.select("[href*=evil], [action*=evil], meta[http-equiv=refresh]")).isEmpty();
        assertThat(journeys(t)).isZero();
    }

    @Test
    void authorizeWhenRedirectUriIsMissingOrUnregisteredThenEvenBadParametersAreShownOnThePage() {
        TestTenant t = newTenant();

        Browser.Response missing = browser().get(authorizeUrl(t, SUSI, with("redirect_uri", null)));
        Browser.Response badParametersToo = browser().get(authorizeUrl(t, SUSI, Map.of(
                "redirect_uri", "https://evil.example/cb", "response_type", "token", "scope", "profile")));

        assertShownOnPage(missing, 400, "redirect_uri");
        assertShownOnPage(badParametersToo, 400, "is not registered");
        assertThat(journeys(t)).isZero();
    }

    @Test
    void authorizeWhenResponseTypeIsMissingThenInvalidRequestIsSentBackToTheApp() {
        TestTenant t = newTenant();

        Browser.Response response = browser().get(authorizeUrl(t, SUSI, with("response_type", null, "state", "s-1")));

        Map<String, String> error = redirectedError(t, response, t.webRedirectUri() + "?", "invalid_request");
        assertThat(error).containsEntry("state", "s-1");
    }

    @Test
    void authorizeWhenResponseTypeIsTokenThenUnsupportedResponseType() {
        TestTenant t = newTenant();

        Browser.Response response = browser().get(authorizeUrl(t, SUSI, Map.of("response_type", "token",
                "state", "s-2")));

        Map<String, String> error = redirectedError(t, response, t.webRedirectUri() + "?",
                "unsupported_response_type");
        assertThat(error).containsEntry("state", "s-2");
    }

    @Test
    void authorizeWhenScopeLacksOpenidThenInvalidScope() {
        TestTenant t = newTenant();

        Browser.Response response = browser().get(authorizeUrl(t, SUSI, Map.of("scope", "offline_access profile")));

        redirectedError(t, response, t.webRedirectUri() + "?", "invalid_scope");
    }

    @Test
    void authorizeWhenIdTokenIsRequestedWithoutNonceThenInvalidRequestInTheFragment() {
        TestTenant t = newTenant();

        Browser.Response response = browser().get(authorizeUrl(t, SUSI, with("response_type", "id_token",
                "nonce", null, "state", "s-3")));

        Map<String, String> error = redirectedError(t, response, t.webRedirectUri() + "#", "invalid_request");
        assertThat(error.get("error_description")).contains("nonce");
        assertThat(error).containsEntry("state", "s-3");
    }

    @Test
    void authorizeWhenIdTokenIsAskedInTheQueryThenTheErrorItselfGoesInTheFragment() {
        TestTenant t = newTenant();

        Browser.Response idToken = browser().get(authorizeUrl(t, SUSI, Map.of("response_type", "id_token",
                "response_mode", "query")));
        Browser.Response hybrid = browser().get(authorizeUrl(t, SUSI, Map.of("response_type", "code id_token",
                "response_mode", "query")));

        redirectedError(t, idToken, t.webRedirectUri() + "#", "invalid_request");
        redirectedError(t, hybrid, t.webRedirectUri() + "#", "invalid_request");
        assertThat(idToken.location().orElseThrow()).doesNotContain("?");
    }

    @Test
    void authorizeWhenCodeChallengeMethodIsPlainThenInvalidRequest() {
        TestTenant t = newTenant();
        Pkce pkce = Pkce.create();

        Browser.Response plain = browser().get(authorizeUrl(t, SUSI, Map.of("code_challenge", pkce.verifier(),
                "code_challenge_method", "plain")));
        Browser.Response noMethod = browser().get(authorizeUrl(t, SUSI, Map.of("code_challenge", pkce.challenge())));

        Map<String, String> error = redirectedError(t, plain, t.webRedirectUri() + "?", "invalid_request");
        assertThat(error.get("error_description")).contains("S256");
        redirectedError(t, noMethod, t.webRedirectUri() + "?", "invalid_request");
    }

    @Test
    void authorizeWhenPublicSpaOmitsCodeChallengeThenInvalidRequest() {
        TestTenant t = newTenant();

        Browser.Response response = browser().get(authorizeUrl(t, SUSI, Map.of(
                "client_id", t.spaClientId().toString(), "redirect_uri", t.spaRedirectUri(), "state", "spa-state")));

        Map<String, String> error = redirectedError(t, response, t.spaRedirectUri() + "?", "invalid_request");
        assertThat(error.get("error_description")).contains("PKCE");
        assertThat(error).containsEntry("state", "spa-state");
    }

    @Test
    void authorizeWhenPromptOrMaxAgeIsMalformedThenInvalidRequest() {
        TestTenant t = newTenant();

        Browser.Response prompt = browser().get(authorizeUrl(t, SUSI, Map.of("prompt", "none login")));
        Browser.Response unknownPrompt = browser().get(authorizeUrl(t, SUSI, Map.of("prompt", "always")));
        Browser.Response maxAge = browser().get(authorizeUrl(t, SUSI, Map.of("max_age", "an hour")));

        redirectedError(t, prompt, t.webRedirectUri() + "?", "invalid_request");
        redirectedError(t, unknownPrompt, t.webRedirectUri() + "?", "invalid_request");
        redirectedError(t, maxAge, t.webRedirectUri() + "?", "invalid_request");
    }

    @Test
    void authorizeWhenResponseModeIsFormPostThenTheErrorIsPostedToTheApp() {
        TestTenant t = newTenant();
        Browser browser = browser();

        Browser.Response response = browser.get(authorizeUrl(t, SUSI, Map.of("response_mode", "form_post",
                "scope", "profile", "state", "posted-state")));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.location()).isEmpty();
        assertThat(response.document().selectFirst("form#auto").attr("action")).isEqualTo(t.webRedirectUri());
        assertThat(browser.formValues(response, "form#auto")).containsEntry("error", "invalid_scope")
                .containsEntry("state", "posted-state").containsKey("error_description").doesNotContainKey("code");
        assertThat(journeys(t)).isZero();
    }

    @Test
    void authorizeWhenPromptIsNoneWithoutSessionThenLoginRequiredWithState() {
        TestTenant t = newTenant();
        Browser browser = browser();

        Browser.Response response = browser.get(authorizeUrl(t, SUSI, Map.of("prompt", "none",
                "state", "silent-renew")));

        Map<String, String> error = redirectedError(t, response, t.webRedirectUri() + "?", "login_required");
        assertThat(error).containsEntry("state", "silent-renew").doesNotContainKey("code");
        assertThat(browser.cookie("foyer_browser")).isEmpty();
    }

    @Test
    void authorizeIgnoresMsalsExtraParametersAndTheFlowWorks() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Pkce pkce = Pkce.create();
        Map<String, String> msal = new HashMap<>(Map.of(
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256",
                "client_info", "1", "x-client-SKU", "msal.js.node", "x-client-VER", "2.16.2",
                "x-client-OS", "linux", "x-client-CPU", "x64", "x-client-current-telemetry", "5|61,0,,,|,",
                "claims", "{\"id_token\":{\"acrs\":{\"essential\":true,\"values\":[\"c1\"]}}}",
                "clidata", "eyJhIjoiYiJ9"));
        msal.put("x-ms-lib-capability", "retry-after, h429");
        msal.put("state", "msal-state");

        Browser.Response page = browser.open(authorizeUrl(t, SUSI, msal));
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        Map<String, String> response = appResponse(signUp(browser, page, uniqueEmail(), PASSWORD),
                t.webRedirectUri());

        assertThat(response).containsEntry("state", "msal-state").containsKey("code");
        Map<String, String> grant = codeGrant(t, response.get("code"), pkce);
        grant.put("client_info", "1");
        grant.put("x-client-SKU", "msal.js.node");
        grant.put("claims", "{\"access_token\":{\"xms_cc\":{\"values\":[\"CP1\"]}}}");
        Browser.Response tokens = token(t, SUSI, grant);
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(jsonOf(tokens).get("id_token").asString()).isNotBlank();
    }

    @Test
    void authorizeAndTokenWorkInTheQueryPolicyForm() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Pkce pkce = Pkce.create();
        String pathForm = authorizeUrl(t, SUSI, Map.of("code_challenge", pkce.challenge(),
                "code_challenge_method", "S256", "state", "p-state"));
        String queryForm = pathForm.replace("/" + SUSI + "/oauth2/", "/oauth2/") + "&p=" + SUSI;
        assertThat(queryForm).startsWith("/" + t.name() + "/oauth2/v2.0/authorize?");

        Browser.Response page = browser.open(queryForm);
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        Map<String, String> response = appResponse(signUp(browser, page, uniqueEmail(), PASSWORD),
                t.webRedirectUri());
        assertThat(response).containsEntry("state", "p-state");

        Browser.Response tokens = postForm("/" + t.name() + "/oauth2/v2.0/token?p=" + SUSI,
                codeGrant(t, response.get("code"), pkce), basic(t.webClientId(), t.webClientSecret()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        assertThat(jsonOf(tokens).get("access_token").asString()).isNotBlank();
    }

    /** A refused request shown on a page: the status, a readable message, no redirect, no journey. */
    private static void assertShownOnPage(Browser.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.location()).as("never redirected").isEmpty();
        assertThat(response.pageError()).contains(message);
    }

    /** A refused request sent back to the app: the error is in the query or fragment, and no journey began. */
    private Map<String, String> redirectedError(TestTenant t, Browser.Response response, String prefix,
                                                String error) {
        assertThat(response.isRedirect()).as(response.status() + ": " + response.body()).isTrue();
        assertThat(response.location().orElseThrow()).startsWith(prefix);
        Map<String, String> params = responseParameters(response.location().get());
        assertThat(params).containsEntry("error", error).doesNotContainKeys("code", "id_token");
        assertThat(params.get("error_description")).isNotBlank();
        assertThat(journeys(t)).isZero();
        return params;
    }

    /** Pairs of name and value over the defaults; a null value removes the default. */
    private static Map<String, String> with(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
