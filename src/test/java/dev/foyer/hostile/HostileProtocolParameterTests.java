package dev.foyer.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every protocol parameter of authorize, token, userinfo and logout with each hostile value, and
 * each sent twice: a 4xx page or a well-formed OAuth error (JSON, or a redirect to the registered
 * redirect URI only), never a server error, never an unescaped echo, never a token, and no account,
 * session, grant or message written.
 */
class HostileProtocolParameterTests extends EndToEndTest {

    private static final String FLOW = "B2C_1_susi";
    private static final Set<String> AUTHORIZE_ERRORS = Set.of("invalid_request", "unsupported_response_type",
            "invalid_scope", "login_required", "interaction_required", "access_denied");
    private static final Set<String> TOKEN_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unsupported_grant_type", "invalid_scope", "unauthorized_client");
    private static final String SIGNED_OUT = "https://app.example/signed-out";

    private TestTenant t;

    @BeforeEach
    void tenant() {
        t = newTenant();
    }

    static Stream<String> authorizeParameters() {
        return Stream.of("client_id", "redirect_uri", "response_type", "response_mode", "scope", "state", "nonce",
                "prompt", "login_hint", "max_age", "acr_values", "code_challenge", "code_challenge_method", "p");
    }

    static Stream<String> tokenParameters() {
        return Stream.of("grant_type", "code", "redirect_uri", "code_verifier", "refresh_token", "client_id",
                "client_secret", "scope");
    }

    static Stream<String> logoutParameters() {
        return Stream.of("post_logout_redirect_uri", "id_token_hint", "state", "client_id");
    }

    @ParameterizedTest(name = "authorize {0}")
    @MethodSource("authorizeParameters")
    void authorizeWhenAParameterIsHostileThenPageOrErrorToTheRegisteredRedirectUri(String parameter) {
        for (Map.Entry<String, String> hostile : HostileValues.VALUES.entrySet()) {
            String what = "authorize " + parameter + " = " + hostile.getKey();
            Map<String, String> params = authorizeParameters(parameter, hostile.getValue());
            TableSnapshot before = snapshot();
            Browser.Response response = authorize(params);
            assertAuthorizeAnswer(response, what, hostile.getValue(), parameter.equals("state") ? hostile.getValue()
                    : params.get("state"));
            assertThat(snapshot()).as(what).isEqualTo(before);
        }
        for (String raw : HostileValues.RAW_ENCODED) {
            String what = "authorize " + parameter + " = raw " + raw;
            Map<String, String> params = authorizeParameters(parameter, "x");
            params.remove(parameter);
            TableSnapshot before = snapshot();
            String path = authorizePath(params);
            Browser.Response response = browser().postEncoded(path.substring(0, path.indexOf('?')),
                    Browser.encode(params) + "&" + parameter + "=" + raw);
            assertAuthorizeAnswer(response, what, raw, parameter.equals("state") ? null : params.get("state"));
            assertThat(snapshot()).as(what).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "authorize {0} twice")
    @MethodSource("authorizeParameters")
    void authorizeWhenAParameterIsRepeatedThenRefusedOnAPage(String parameter) {
        Map<String, String> params = authorizeParameters(parameter, parameter.equals("p") ? FLOW : "x");
        TableSnapshot before = snapshot();
        Browser.Response response = browser().get(authorizePath(params) + "&" + parameter + "=other");
        // (the parameter is in the request already, so it is now there twice)
        assertThat(response.status()).as(response.body()).isBetween(400, 404);
        assertThat(response.location()).isEmpty();
        if (!parameter.equals("p")) {
            assertThat(response.body()).contains("repeats the parameter " + parameter);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "token {0}")
    @MethodSource("tokenParameters")
    void tokenWhenAParameterIsHostileThenOAuthErrorJson(String parameter) {
        for (Map.Entry<String, String> hostile : HostileValues.VALUES.entrySet()) {
            String what = "token " + parameter + " = " + hostile.getKey();
            TableSnapshot before = snapshot();
            Map<String, String> params = tokenParameters(parameter);
            params.put(parameter, hostile.getValue());
            Browser.Response response = tokenRequest(t, FLOW, params, false);
            assertTokenError(response, what);
            assertThat(snapshot()).as(what).isEqualTo(before);
        }
        for (String raw : HostileValues.RAW_ENCODED) {
            String what = "token " + parameter + " = raw " + raw;
            Map<String, String> params = tokenParameters(parameter);
            params.remove(parameter);
            assertTokenError(postToken(Browser.encode(params) + "&" + parameter + "=" + raw,
                    "application/x-www-form-urlencoded", false), what);
        }
    }

    @ParameterizedTest(name = "token {0} twice")
    @MethodSource("tokenParameters")
    void tokenWhenAParameterIsRepeatedThenInvalidRequest(String parameter) {
        Map<String, String> params = tokenParameters(parameter);
        params.remove(parameter);
        Browser.Response response = postToken(Browser.encode(params) + "&" + parameter + "=one&" + parameter + "=two",
                "application/x-www-form-urlencoded", false);
        assertTokenError(response, "token " + parameter + " twice");
        assertThat(jsonOf(response).get("error").asString()).isEqualTo("invalid_request");
        assertThat(jsonOf(response).get("error_description").asString()).contains(parameter);
    }

    @Test
    void tokenWhenTheBodyIsNotAFormThenOAuthErrorJson() {
        String json = "{\"grant_type\":\"authorization_code\",\"code\":\"abc\",\"redirect_uri\":\""
                + t.webRedirectUri() + "\"}";
        TableSnapshot before = snapshot();
        for (String type : List.of("application/json", "text/plain", "application/xml", "multipart/form-data",
                "application/x-www-form-urlencoded; charset=ISO-8859-1")) {
            Browser.Response response = postToken(json, type, true);
            assertThat(response.status()).as(type + ": " + response.body()).isBetween(400, 499);
            if (response.header("Content-Type").orElse("").startsWith("application/json")) {
                assertThat(jsonOf(response).has("error")).as(type).isTrue();
            }
        }
        assertTokenError(postToken("", "application/x-www-form-urlencoded", true), "empty body");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void userinfoWhenTheAuthorizationHeaderIsHostileThen401() {
        for (Map.Entry<String, String> hostile : HostileValues.VALUES.entrySet()) {
            if (hostile.getValue().length() > 4_000) {
                continue; // past the header size limit, the server drops the connection
            }
            for (String header : List.of("Bearer " + hostile.getValue(), hostile.getValue(),
                    "Basic " + hostile.getValue(), "Bearer " + Base64.getEncoder().encodeToString(
                            hostile.getValue().getBytes(StandardCharsets.UTF_8)))) {
                String what = "userinfo Authorization: " + hostile.getKey();
                int status = userinfo(header);
                assertThat(status).as(what).isBetween(400, 499);
            }
        }
        assertThat(userinfo("Bearer a.b.c")).isEqualTo(401);
    }

    @ParameterizedTest(name = "logout {0}")
    @MethodSource("logoutParameters")
    void logoutWhenAParameterIsHostileThenNeverAnUnregisteredRedirect(String parameter) {
        for (Map.Entry<String, String> hostile : HostileValues.VALUES.entrySet()) {
            String what = "logout " + parameter + " = " + hostile.getKey();
            Map<String, String> params = new LinkedHashMap<>(Map.of("client_id", t.webClientId().toString(),
                    "post_logout_redirect_uri", SIGNED_OUT, "state", "s-1"));
            params.put(parameter, hostile.getValue());
            TableSnapshot before = snapshot();
            Browser.Response response = browser().post(logoutPath(), params);
            HostileResponses.assertNoUnsafeEcho(response, hostile.getValue(), what);
            if (response.isRedirect()) {
                assertThat(response.location().get()).as(what).startsWith(SIGNED_OUT);
                if (parameter.equals("state")) {
                    assertThat(responseParameters(response.location().get()).get("state")).as(what)
                            .isEqualTo(hostile.getValue().replace('\uD800', '?').replace('\uDC00', '?'));
                }
            }
            assertThat(snapshot()).as(what).isEqualTo(before);
        }
    }

    @ParameterizedTest(name = "logout {0} twice")
    @MethodSource("logoutParameters")
    void logoutWhenAParameterIsRepeatedThenRefused(String parameter) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("client_id", t.webClientId().toString(),
                "post_logout_redirect_uri", SIGNED_OUT, "state", "s-1"));
        params.remove(parameter);
        Browser.Response response = browser().get(logoutPath() + "?" + Browser.encode(params) + "&" + parameter
                + "=" + "https%3A%2F%2Fapp.example%2Fsigned-out&" + parameter + "=https%3A%2F%2Fevil.example%2F");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.location()).isEmpty();
        assertThat(response.body()).contains("repeats the parameter " + parameter);
    }

    private Map<String, String> authorizeParameters(String parameter, String value) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", t.webClientId().toString());
        params.put("redirect_uri", t.webRedirectUri());
        params.put("response_type", "code");
        params.put("scope", "openid offline_access");
        params.put("state", "state-1");
        params.put("nonce", "nonce-1");
        if (parameter.equals("code_challenge_method")) {
            params.put("code_challenge", Pkce.create().challenge());
        }
        params.put(parameter, value);
        return params;
    }

    private String authorizePath(Map<String, String> params) {
        if (params.containsKey("p")) {
            return "/" + t.name() + "/oauth2/v2.0/authorize?" + Browser.encode(params);
        }
        return "/" + t.name() + "/" + FLOW + "/oauth2/v2.0/authorize?" + Browser.encode(params);
    }

    /** GET as applications send it; a request too long for a URL goes as a form POST, which authorize also takes. */
    private Browser.Response authorize(Map<String, String> params) {
        String path = authorizePath(params);
        if (path.length() < 6_000) {
            return browser().get(path);
        }
        return browser().post(path.substring(0, path.indexOf('?')) + (params.containsKey("p") ? "?p="
                + java.net.URLEncoder.encode(params.get("p"), StandardCharsets.UTF_8) : ""), params);
    }

    private void assertAuthorizeAnswer(Browser.Response response, String what, String value, String sentState) {
        HostileResponses.assertNoUnsafeEcho(response, value, what);
        if (!response.isRedirect()) {
            return;
        }
        String location = response.location().get();
        if (location.startsWith("/") || location.startsWith(origin())) {
            assertThat(location).as(what).contains("/journey/");
            return;
        }
        assertThat(location).as(what + ": only to the registered redirect URI").startsWith(t.webRedirectUri());
        Map<String, String> answer = responseParameters(location);
        assertThat(answer).as(what + ": an OAuth error, never a token").doesNotContainKeys("code", "id_token");
        assertThat(AUTHORIZE_ERRORS).as(what).contains(answer.get("error"));
        assertThat(answer.get("error_description")).as(what).isNotBlank();
        if (sentState != null && sentState.length() <= 2048 && answer.containsKey("state")) {
            assertThat(answer.get("state")).as(what).isEqualTo(sentState.replace('\uD800', '?').replace('\uDC00', '?'));
        }
    }

    private Map<String, String> tokenParameters(String parameter) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", parameter.equals("refresh_token") ? "refresh_token" : "authorization_code");
        params.put("code", "not-a-code");
        params.put("redirect_uri", t.webRedirectUri());
        params.put("code_verifier", Pkce.create().verifier());
        if (isClientParameter(parameter)) {
            params.put("client_id", t.webClientId().toString());
            params.put("client_secret", t.webClientSecret());
        } else {
            // The public client: no secret to hash on every one of these many requests.
            params.put("client_id", t.spaClientId().toString());
        }
        return params;
    }

    private static boolean isClientParameter(String parameter) {
        return parameter.equals("client_id") || parameter.equals("client_secret");
    }

    private void assertTokenError(Browser.Response response, String what) {
        if (response.status() == 413) {
            // Over the form size limit: refused by the server before the endpoint reads it.
            assertThat(what).contains("huge");
            return;
        }
        assertThat(response.status()).as(what + ": " + response.body()).isIn(400, 401);
        assertThat(response.header("Content-Type").orElse("")).as(what).startsWith("application/json");
        JsonNode body = jsonOf(response);
        assertThat(TOKEN_ERRORS).as(what + ": " + response.body()).contains(body.get("error").asString());
        assertThat(body.has("access_token")).as(what).isFalse();
    }

    private Browser.Response postToken(String body, String contentType, boolean basic) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + "/" + t.name() + "/" + FLOW
                            + "/oauth2/v2.0/token"))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (basic) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (t.webClientId() + ":" + t.webClientSecret()).getBytes(StandardCharsets.UTF_8)));
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status of a userinfo request with this Authorization header, sent as raw bytes (UTF-8)
     * on a socket, since Java's HTTP client refuses to send some of these values at all.
     */
    private int userinfo(String authorization) {
        String value = authorization.replaceAll("[\\r\\n]", " ");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /" + t.name() + "/" + FLOW.toLowerCase() + "/openid/v2.0/userinfo HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\nConnection: close\r\nAuthorization: ").getBytes(
                    StandardCharsets.US_ASCII));
            out.write(value.getBytes(StandardCharsets.UTF_8));
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(statusLine).startsWith("HTTP/1.1 ");
            return Integer.parseInt(statusLine.substring(9, 12));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String logoutPath() {
        return "/" + t.name() + "/" + FLOW + "/oauth2/v2.0/logout";
    }

    private TableSnapshot snapshot() {
        return TableSnapshot.of(jdbc, t.tenant().id(), TableSnapshot.USER_DATA);
    }
}
