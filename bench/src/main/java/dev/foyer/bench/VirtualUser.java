package dev.foyer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One simulated browser and application at once, on its own keep-alive connection: it runs the
 * hosted sign-in journey as a person without JavaScript would (authorize, the form, the redirect
 * with the code), then redeems the code as the application does, and makes the token, discovery
 * and key requests that applications make.
 */
final class VirtualUser implements AutoCloseable {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final int MAX_STEPS = 12;

    /** What the benchmark signs in to: a tenant, its flows and a confidential web application. */
    record Target(String tenant, String passwordFlow, String mfaFlow, String clientId, String clientSecret,
                  String redirectUri) {

        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (Html.encode(clientId) + ":" + Html.encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A step of a journey that did not go as a person would expect. */
    static final class JourneyFailure extends IOException {
        JourneyFailure(String message) {
            super(message);
        }
    }

    private final HttpConnection http;
    private final Cookies cookies = new Cookies();

    VirtualUser(int port) {
        this.http = new HttpConnection("127.0.0.1", port);
    }

    HttpConnection http() {
        return http;
    }

    /** GET {@code path}, expecting 200. */
    void fetch(String path) throws IOException {
        HttpConnection.Response response = http.get(path, null, null);
        expect(response, 200, path);
    }

    /**
     * A complete sign-in in a fresh browser: authorize, the sign-in form, the phone step when the
     * flow asks for it (the code read from the development outbox), the redirect with the code, and
     * the code redeemed at the token endpoint. Returns the token response's refresh token.
     */
    String signIn(Target target, String flow, String email, String password, String phoneNational)
            throws IOException {
        cookies.clear();
        String authorize = "/" + target.tenant() + "/" + flow + "/oauth2/v2.0/authorize?" + Html.form(authorizeParameters(target));
        HttpConnection.Response response = http.get(authorize, cookies, null);
        for (int step = 0; step < MAX_STEPS; step++) {
            if (response.status() == 302) {
                String location = response.header("location");
                if (location.startsWith(target.redirectUri())) {
                    String code = Html.query(location, "code");
                    if (code == null) {
                        throw new JourneyFailure("Redirect to the application without a code: " + location);
                    }
                    return redeem(target, flow, code);
                }
                response = http.get(Html.path(location), cookies, null);
            } else if (response.status() == 200) {
                response = act(response.body(), email, password, phoneNational);
            } else {
                throw new JourneyFailure("Unexpected " + response.status() + " in the journey: " + snippet(response));
            }
        }
        throw new JourneyFailure("The journey did not end within " + MAX_STEPS + " responses");
    }

    /** Fills in the form the page shows, as the person would. */
    private HttpConnection.Response act(String html, String email, String password, String phoneNational)
            throws IOException {
        String csrf = Html.csrfToken(html);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf_token", csrf == null ? "" : csrf);
        String action = Html.formAction(html, "localAccountForm");
        if (action != null) {
            if (Html.hasElement(html, "password") && html.contains("role=\"alert\"")) {
                throw new JourneyFailure("The sign-in page refused the credentials of " + email);
            }
            fields.put("signInName", email);
            fields.put("password", password);
            fields.put("action", "signIn");
            return http.post(action, cookies, null, FORM, Html.form(fields));
        }
        action = Html.formAction(html, "phoneVerification");
        if (action != null) {
            if (phoneNational == null) {
                throw new JourneyFailure("A phone step in a flow without MFA");
            }
            if (Html.hasElement(html, "verificationCode")) {
                fields.put("verificationCode", latestCode("+1" + phoneNational));
                fields.put("action", "verifyCode");
            } else {
                if (Html.hasElement(html, "number")) {
                    fields.put("countryCode", "US");
                    fields.put("number", phoneNational);
                }
                fields.put("action", "sendCode");
            }
            return http.post(action, cookies, null, FORM, Html.form(fields));
        }
        action = Html.formAction(html, "auto");
        if (action != null) {
            throw new JourneyFailure("A form_post page; the benchmark asks for response_mode=query");
        }
        throw new JourneyFailure("A page the benchmark does not know: " + html.substring(0, Math.min(300, html.length())));
    }

    /** The newest code sent to {@code e164}, from the development outbox's JSON. */
    private String latestCode(String e164) throws IOException {
        HttpConnection.Response response = http.get("/dev/outbox/messages?to=" + Html.encode(e164), null, null);
        expect(response, 200, "the development outbox");
        String code = Html.jsonString(response.body(), "code");
        if (code == null) {
            throw new JourneyFailure("No code in the development outbox for the phone");
        }
        return code;
    }

    private String redeem(Target target, String flow, String code) throws IOException {
        HttpConnection.Response response = http.post(tokenPath(target, flow), null,
                Map.of("Authorization", target.basic()), FORM,
                "grant_type=authorization_code&code=" + Html.encode(code) + "&redirect_uri="
                        + Html.encode(target.redirectUri()));
        expect(response, 200, "the token endpoint (authorization_code)");
        return Html.jsonString(response.body(), "refresh_token");
    }

    /** Redeems {@code refreshToken}; returns the rotated one. */
    String refresh(Target target, String flow, String refreshToken) throws IOException {
        HttpConnection.Response response = http.post(tokenPath(target, flow), null,
                Map.of("Authorization", target.basic()), FORM,
                "grant_type=refresh_token&refresh_token=" + Html.encode(refreshToken));
        expect(response, 200, "the token endpoint (refresh_token)");
        String next = Html.jsonString(response.body(), "refresh_token");
        if (next == null) {
            throw new JourneyFailure("No refresh token in the refresh response");
        }
        return next;
    }

    /** An application's own token: client_credentials with HTTP Basic. */
    String clientCredentials(String tokenPath, String basic, String scope) throws IOException {
        HttpConnection.Response response = http.post(tokenPath, null, Map.of("Authorization", basic), FORM,
                "grant_type=client_credentials&scope=" + Html.encode(scope));
        expect(response, 200, "the token endpoint (client_credentials)");
        return Html.jsonString(response.body(), "access_token");
    }

    static String tokenPath(Target target, String flow) {
        return "/" + target.tenant() + "/" + flow + "/oauth2/v2.0/token";
    }

    private static Map<String, String> authorizeParameters(Target target) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", target.clientId());
        params.put("redirect_uri", target.redirectUri());
        params.put("response_type", "code");
        params.put("response_mode", "query");
        params.put("scope", "openid offline_access");
        String random = UUID.randomUUID().toString();
        params.put("state", random.substring(0, 18));
        params.put("nonce", random.substring(19));
        return params;
    }

    private static void expect(HttpConnection.Response response, int status, String what) throws JourneyFailure {
        if (response.status() != status) {
            throw new JourneyFailure(what + " answered " + response.status() + ": " + snippet(response));
        }
    }

    private static String snippet(HttpConnection.Response response) {
        String body = response.body();
        return body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        http.close();
    }
}
