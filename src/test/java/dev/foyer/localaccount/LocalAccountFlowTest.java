package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.User;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Helpers for the end-to-end tests of the flow types and the password reset. */
abstract class LocalAccountFlowTest extends EndToEndTest {

    static final String FORM = "form#attributeVerification";
    static final String PHONE_FORM = "form#phoneVerification";
    static final String NEW_PASSWORD = "Brand-New-Horse-77";

    @Autowired
    Accounts accounts;

    /** Creates {@code name} of {@code type} in the tenant, with MFA and self-service password reset as given. */
    void createFlow(TestTenant t, String name, UserFlowType type, MfaSettings mfa, boolean selfServiceReset) {
        TenantContext.run(t.tenant(), () -> flows.create(name, type, new UserFlowDefinition(
                List.of(UserFlowDefinition.LOCAL_ACCOUNT), List.of("displayName", "givenName", "surname"),
                List.of("emails", "name", "oid", "newUser"),
                UserFlowProperties.DEFAULTS.withMfa(mfa).withSelfServicePasswordReset(selfServiceReset))));
    }

    User existingUser(TestTenant t, String email) {
        return TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                "Ada Lovelace", "Ada", "Lovelace", Map.of())));
    }

    /** Opens {@code flow}'s authorize URL with {@code state}; returns its first page. */
    Browser.Response open(Browser browser, TestTenant t, String flow, String state) {
        return browser.open(authorizeUrl(t, flow, Map.of("state", state)));
    }

    static boolean isEmailPage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst(FORM + " button#email_ver_but_send") != null;
    }

    static boolean isNewPasswordPage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst(FORM + " #reenterPassword") != null
                && page.document().getElementById("displayName") == null;
    }

    static boolean isPhonePage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst(PHONE_FORM) != null;
    }

    Browser.Response sendCode(Browser browser, Browser.Response emailPage, String email) {
        return browser.submit(emailPage, FORM, "button#email_ver_but_send", Map.of("email", email));
    }

    Browser.Response verify(Browser browser, Browser.Response codePage, String code) {
        return browser.submit(codePage, FORM, "button#email_ver_but_verify", Map.of("code", code));
    }

    Browser.Response newPassword(Browser browser, Browser.Response page, String password, String again) {
        return browser.submit(page, FORM, "button#continue", Map.of("newPassword", password, "reenterPassword", again));
    }

    Browser.Response cancel(Browser browser, Browser.Response page, String form) {
        return browser.submit(page, form, "button#cancel", Map.of());
    }

    /** From a reset flow's email page: sends the code to {@code email}, verifies it; returns the next page. */
    Browser.Response proveEmail(Browser browser, Browser.Response emailPage, String email, int messagesBefore) {
        Browser.Response codePage = sendCode(browser, emailPage, email);
        assertThat(codePage.document().getElementById("email_info")).as(codePage.body()).isNotNull();
        return verify(browser, codePage, latestCode(email, messagesBefore + 1));
    }

    /** Asserts the redirect hands the app {@code access_denied} with {@code code} first in the description. */
    void assertAccessDenied(Browser.Response response, TestTenant t, String state, String code) {
        Map<String, String> params = appResponse(response, t.webRedirectUri());
        assertThat(params).containsEntry("error", "access_denied").containsEntry("state", state)
                .doesNotContainKey("code");
        assertThat(params.get("error_description")).startsWith(code + ": ");
    }

    /** Redeems the code of a redirect to the web app; returns the token response. */
    JsonNode tokensOf(TestTenant t, String flow, Browser.Response redirect) {
        Map<String, String> response = appResponse(redirect, t.webRedirectUri());
        assertThat(response).as("app response").containsKey("code");
        Browser.Response tokens = token(t, flow, Map.of("grant_type", "authorization_code",
                "code", response.get("code"), "redirect_uri", t.webRedirectUri()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return jsonOf(tokens);
    }

    static JWTClaimsSet idToken(JsonNode tokens) throws Exception {
        return SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
    }

    /** Whether the password signs in, through the tenant's susi flow in a fresh browser. */
    boolean passwordSignsIn(TestTenant t, String email, String password) {
        Browser browser = browser();
        Browser.Response page = signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, password);
        return page.isRedirect() && page.location().orElse("").startsWith(t.webRedirectUri())
                && responseParameters(page.location().get()).containsKey("code");
    }

    List<JsonNode> messagesTo(String email) {
        return outbox(URLEncoder.encode(email, StandardCharsets.UTF_8));
    }

    /** Sets the stored email code of the journey whose page this is to have expired. */
    void expireEmailCodeOf(Browser.Response page) {
        String path = page.uri().getPath();
        String idHash = OpaqueTokens.hash(path.substring(path.lastIndexOf('/') + 1));
        String state = jdbc.sql("select state from journey where id_hash = ?").param(idHash).query(String.class).single();
        Matcher code = Pattern.compile("(\"emailVerification\\.code\"\\s*:\\s*\"[^|]*\\|[^|]*\\|)(\\d+)").matcher(state);
        assertThat(code.find()).as(state).isTrue();
        String expired = code.replaceFirst("$1" + (System.currentTimeMillis() - 1000));
        jdbc.sql("update journey set state = ? where id_hash = ?").params(expired, idHash).update();
    }

    int usersIn(TestTenant t) {
        return jdbc.sql("select count(*) from directory_user where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    String passwordHashOf(UUID objectId) {
        return jdbc.sql("select password_hash from user_password where object_id = ?").param(objectId)
                .query(String.class).single();
    }

    List<String> auditTypes(TestTenant t, UUID user) {
        return jdbc.sql("select event_type from audit_event where tenant_id = ? and subject_user_id = ? order by seq")
                .params(t.tenant().id(), user).query(String.class).list();
    }

    static String state() {
        return "state-" + UUID.randomUUID();
    }

    static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
