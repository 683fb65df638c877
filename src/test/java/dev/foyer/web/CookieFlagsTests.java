package dev.foyer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.application.Application;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.testing.AdminEndToEndTest;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tls.TlsEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every cookie Foyer sets, over HTTPS and over plain HTTP: HttpOnly, SameSite, Secure (with the
 * {@code __Host-}/{@code __Secure-} name) exactly when the request is secure; and a new session id
 * after each authentication, never one the browser brought along (session fixation).
 */
class CookieFlagsTests extends AdminEndToEndTest {

    @Autowired
    TlsEndpoint tls;

    private TestTenant t;
    private String email;

    @BeforeEach
    void tenantWithUser() {
        t = newTenant();
        email = uniqueEmail();
        TenantContext.run(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                "Ada Lovelace", "Ada", "Lovelace", Map.of())));
    }

    @Test
    void journeyAndSsoCookiesOverHttpsAreHostPrefixedSecureHttpOnlyAndLax() {
        Browser browser = Tls.browser(tls);
        List<String> setCookies = signInCapturingCookies(browser);

        assertThat(names(setCookies)).containsExactlyInAnyOrder("__Host-foyer_browser", "__Host-" + ssoCookie());
        for (String cookie : setCookies) {
            Map<String, String> attributes = attributes(cookie);
            assertThat(attributes).as(cookie).containsKeys("secure", "httponly").containsEntry("path", "/")
                    .containsEntry("samesite", "Lax").doesNotContainKey("domain");
        }
        assertThat(browser.cookie("__Host-" + ssoCookie())).isPresent();
    }

    @Test
    void cookiesOverPlainHttpAreHttpOnlyAndLaxButNotSecure() {
        List<String> setCookies = signInCapturingCookies(browser());

        assertThat(names(setCookies)).containsExactlyInAnyOrder("foyer_browser", ssoCookie());
        for (String cookie : setCookies) {
            assertThat(attributes(cookie)).as(cookie).containsKey("httponly").doesNotContainKey("secure")
                    .containsEntry("samesite", "Lax").containsEntry("path", "/");
        }
    }

    @Test
    void ssoCookieWithoutItsHostPrefixIsIgnoredOverHttps() {
        Browser signedIn = Tls.browser(tls);
        signInCapturingCookies(signedIn);
        String sessionId = signedIn.cookie("__Host-" + ssoCookie()).orElseThrow();

        // The same, valid id under the unprefixed name — as a plain-HTTP page or a sibling domain could plant it.
        Browser planted = Tls.browser(tls);
        planted.addCookie(ssoCookie(), sessionId);
        Map<String, String> answer = appResponse(planted.get(authorizeUrl(t, "B2C_1_susi", Map.of("prompt", "none"))),
                t.webRedirectUri());
        assertThat(answer).containsEntry("error", "login_required").doesNotContainKey("code");

        Map<String, String> genuine = appResponse(signedIn.get(authorizeUrl(t, "B2C_1_susi",
                Map.of("prompt", "none"))), t.webRedirectUri());
        assertThat(genuine).containsKey("code");
    }

    @Test
    void ssoSessionIdIsNewAfterEverySignInAndAPlantedIdIsNeverAdopted() {
        Browser browser = browser();
        String planted = OpaqueTokens.generate();
        browser.addCookie(ssoCookie(), planted);

        signInCapturingCookies(browser);
        String first = browser.cookie(ssoCookie()).orElseThrow();
        assertThat(first).isNotEqualTo(planted);
        assertThat(sessionsWithId(planted)).isZero();
        assertThat(sessionsWithId(first)).isOne();

        // Signing in again (prompt=login) replaces the session: the old id is dead.
        Browser.Response signInPage = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of("prompt", "login")));
        appResponse(browser.follow(press(browser, signInPage, Map.of("signInName", email, "password", PASSWORD))),
                t.webRedirectUri());
        String second = browser.cookie(ssoCookie()).orElseThrow();
        assertThat(second).isNotEqualTo(first).isNotEqualTo(planted);
        assertThat(sessionsWithId(first)).isZero();
        assertThat(sessionsWithId(second)).isOne();
    }

    @Test
    void adminCookiesOverHttpsAreSecurePrefixedStrictAndLimitedToAdmin() {
        String httpsCallback = Tls.origin(tls) + "/admin/callback";
        TenantContext.run(system.tenant(), () -> {
            Application portal = system.portal().orElseThrow();
            if (!portal.hasRedirectUri(httpsCallback)) {
                List<String> uris = new ArrayList<>(portal.redirectUris());
                uris.add(httpsCallback);
                applications.updateRedirectUris(portal.clientId(), uris);
            }
        });
        Browser browser = Tls.browser(tls);
        String admin = newAdministrator();

        Browser.Response signIn = browser.get("/admin/signin");
        String login = signIn.headers().getOrDefault("set-cookie", List.of()).get(0);
        assertThat(login).startsWith("__Secure-foyer_admin_login=");
        assertThat(attributes(login)).containsKeys("secure", "httponly").containsEntry("path", "/admin")
                .containsEntry("samesite", "Lax");

        Browser.Response callback = postToPortalCallback(browser, browser.follow(signIn), admin);
        assertThat(callback.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
        String session = callback.headers().get("set-cookie").stream()
                .filter(c -> c.startsWith("__Secure-foyer_admin=")).findFirst().orElseThrow();
        assertThat(attributes(session)).containsKeys("secure", "httponly", "max-age").containsEntry("path", "/admin")
                .containsEntry("samesite", "Strict");
        assertThat(browser.get("/admin").status()).isEqualTo(200);
    }

    @Test
    void adminSessionIdIsNewAfterEverySignInAndAPlantedIdIsNeverAdopted() {
        Browser browser = browser();
        String admin = newAdministrator();
        String planted = OpaqueTokens.generate();
        browser.addCookie("foyer_admin", planted, "/admin");

        signInToPortal(browser, admin);
        String first = browser.cookie("foyer_admin").orElseThrow();
        assertThat(first).isNotEqualTo(planted);
        assertThat(adminSessionsWithId(planted)).isZero();

        // Signing in again (the SSO session answers at once) starts a new portal session.
        Browser.Response formPost = browser.open("/admin/signin");
        assertThat(browser.submit(formPost, "form#auto", "button#continue", Map.of()).status()).isEqualTo(200);
        String second = browser.cookie("foyer_admin").orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(adminSessionsWithId(first)).as("the earlier session ended").isZero();
        assertThat(adminSessionsWithId(second)).isOne();

        Browser stale = browser();
        stale.addCookie("foyer_admin", first, "/admin");
        Browser.Response refused = stale.get("/admin");
        assertThat(refused.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/signin"));
    }

    /** Signs in through the hosted page; returns every Set-Cookie header Foyer sent on the way. */
    private List<String> signInCapturingCookies(Browser browser) {
        List<String> setCookies = new ArrayList<>();
        Browser.Response authorize = browser.get(authorizeUrl(t, "B2C_1_susi", Map.of()));
        setCookies.addAll(authorize.headers().getOrDefault("set-cookie", List.of()));
        Browser.Response page = browser.get(authorize.location().orElseThrow());
        setCookies.addAll(page.headers().getOrDefault("set-cookie", List.of()));
        Browser.Response signedIn = press(browser, page, Map.of("signInName", email, "password", PASSWORD));
        setCookies.addAll(signedIn.headers().getOrDefault("set-cookie", List.of()));
        Browser.Response resumed = browser.get(signedIn.location().orElseThrow());
        setCookies.addAll(resumed.headers().getOrDefault("set-cookie", List.of()));
        assertThat(appResponse(resumed, t.webRedirectUri())).containsKey("code");
        return setCookies;
    }

    /** Presses "Sign in" without following the answer. */
    private static Browser.Response press(Browser browser, Browser.Response page, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(browser.formValues(page, "form#localAccountForm"));
        form.putAll(fields);
        form.put("action", "signIn");
        return browser.post(browser.formAction(page, "form#localAccountForm"), form);
    }

    /** Password and phone on the admin flow's pages, then the form post to the portal, not followed. */
    private Browser.Response postToPortalCallback(Browser browser, Browser.Response signInPage, String admin) {
        Browser.Response phone = signIn(browser, signInPage, admin, PASSWORD);
        Browser.Response formPost = completePhoneStep(browser, phone);
        return browser.post(browser.formAction(formPost, "form#auto"), browser.formValues(formPost, "form#auto"));
    }

    private String ssoCookie() {
        return "foyer_sso_" + t.tenant().id().toString().replace("-", "");
    }

    private int sessionsWithId(String id) {
        return jdbc.sql("select count(*) from sso_session where id_hash = ?").param(OpaqueTokens.hash(id))
                .query(Integer.class).single();
    }

    private int adminSessionsWithId(String id) {
        return jdbc.sql("select count(*) from admin_session where id_hash = ?").param(OpaqueTokens.hash(id))
                .query(Integer.class).single();
    }

    private static List<String> names(List<String> setCookies) {
        return setCookies.stream().map(c -> c.substring(0, c.indexOf('='))).toList();
    }

    /** A Set-Cookie header's attributes, names in lower case ("secure" → ""). */
    static Map<String, String> attributes(String setCookie) {
        Map<String, String> attributes = new LinkedHashMap<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].strip().split("=", 2);
            attributes.put(pair[0].toLowerCase(Locale.ROOT), pair.length > 1 ? pair[1] : "");
        }
        return attributes;
    }
}
