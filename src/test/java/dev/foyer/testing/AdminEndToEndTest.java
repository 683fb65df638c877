package dev.foyer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.admin.access.SystemTenant;
import dev.foyer.application.ApiPermissions;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationType;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of tests of administration: administrators of the system tenant and their tokens, and
 * automation's client-credentials tokens, all obtained through the real protocol.
 */
public abstract class AdminEndToEndTest extends EndToEndTest {

    protected static final String ADMIN_FLOW = "b2c_1_admin";
    private static final String CLI_REDIRECT = "https://admin-cli.example/callback";

    @Autowired
    protected SystemTenant system;
    @Autowired
    protected Accounts accounts;
    @Autowired
    protected ApiPermissions permissions;

    /** An administrator: an account in the system tenant (who still has to add a phone at first sign-in). */
    protected String newAdministrator() {
        String email = uniqueEmail();
        TenantContext.run(system.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                "Admin", null, null, Map.of())));
        return email;
    }

    /** A client-credentials access token of a new system-tenant application granted {@code scopes}. */
    protected String clientToken(String... scopes) {
        Tenant tenant = system.tenant();
        String[] credentials = TenantContext.call(tenant, () -> {
            Application app = applications.register(new Application(UUID.randomUUID(), "Automation",
                    ApplicationType.WEB, List.of("https://automation.example/unused"), Optional.empty()));
            for (String scope : scopes) {
                permissions.grant(app.clientId(), scope);
            }
            return new String[] {app.clientId().toString(), clientSecrets.issue(app.clientId()).secret()};
        });
        Browser.Response response = post("/" + SystemTenant.NAME + "/" + ADMIN_FLOW + "/oauth2/v2.0/token",
                credentials[0], credentials[1], Map.of("grant_type", "client_credentials"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return jsonOf(response).get("access_token").asString();
    }

    /**
     * An administrator's own access token from the admin flow, after password and phone (so it
     * proves MFA), through a command-line style application of the system tenant.
     */
    protected String administratorToken(String email) {
        String[] cli = TenantContext.call(system.tenant(), () -> {
            Application app = applications.findAll().stream().filter(a -> a.displayName().equals("Admin CLI"))
                    .findFirst().orElseGet(() -> applications.register(new Application(UUID.randomUUID(), "Admin CLI",
                            ApplicationType.WEB, List.of(CLI_REDIRECT), Optional.empty())));
            return new String[] {app.clientId().toString(), clientSecrets.issue(app.clientId()).secret()};
        });
        Browser browser = browser();
        String authorize = "/" + SystemTenant.NAME + "/" + ADMIN_FLOW + "/oauth2/v2.0/authorize?client_id=" + cli[0]
                + "&redirect_uri=" + URLEncoder.encode(CLI_REDIRECT, StandardCharsets.UTF_8)
                + "&response_type=code&scope=openid&state=s&nonce=n";
        Browser.Response afterPassword = signIn(browser, browser.open(authorize), email, PASSWORD);
        Browser.Response done = completePhoneStep(browser, afterPassword);
        String code = appResponse(done, CLI_REDIRECT).get("code");
        Browser.Response tokens = post("/" + SystemTenant.NAME + "/" + ADMIN_FLOW + "/oauth2/v2.0/token", cli[0], cli[1],
                Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", CLI_REDIRECT));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return jsonOf(tokens).get("access_token").asString();
    }

    /** On a phone page: enrolls a new number (or verifies the known one) by SMS; returns what follows. */
    protected Browser.Response completePhoneStep(Browser browser, Browser.Response page) {
        assertThat(page.document().selectFirst("form#phoneVerification")).as(page.body()).isNotNull();
        if (page.document().getElementById("number") != null) {
            return addPhone(browser, page, to -> latestCode(URLEncoder.encode(to, StandardCharsets.UTF_8), 1));
        }
        Browser.Response codePage = browser.submit(page, "form#phoneVerification", "button#sendCode", Map.of());
        String code = jdbc.sql("select code from outbox_message where channel = 'SMS' order by created_at desc")
                .query(String.class).list().get(0);
        return browser.submit(codePage, "form#phoneVerification", "button#verifyCode", Map.of("verificationCode", code));
    }

    /**
     * On a phone enrollment page: adds a new US number by SMS, entering the code {@code codeSentTo}
     * reads for the number ({@code +1...}); returns what follows.
     */
    public static Browser.Response addPhone(Browser browser, Browser.Response page, Function<String, String> codeSentTo) {
        String number = TestPhoneNumbers.usNational();
        Browser.Response codePage = browser.submit(page, "form#phoneVerification", "button#sendCode",
                Map.of("countryCode", "US", "number", number));
        return browser.submit(codePage, "form#phoneVerification", "button#verifyCode",
                Map.of("verificationCode", codeSentTo.apply("+1" + number)));
    }

    /** Signs an administrator in to the portal in {@code browser}; returns the portal's home page. */
    protected Browser.Response signInToPortal(Browser browser, String email) {
        Browser.Response signInPage = browser.open("/admin");
        Browser.Response phone = signIn(browser, signInPage, email, PASSWORD);
        Browser.Response formPost = phone.document().selectFirst("form#phoneVerification") != null
                ? completePhoneStep(browser, phone) : phone;
        Browser.Response home = browser.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(home.status()).as(home.body()).isEqualTo(200);
        return home;
    }

    /** A request to the admin API with {@code token} (null: none). */
    protected Browser.Response api(String method, String path, String token, String jsonBody, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin() + path))
                    .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(jsonBody));
            if (jsonBody != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Browser.Response api(String method, String path, String token) {
        return api(method, path, token, null, Map.of());
    }

    private Browser.Response post(String path, String clientId, String secret, Map<String, String> form) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(origin() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(Browser.encode(form))).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            return new Browser.Response(response.statusCode(), response.uri(), response.headers().map(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
