package dev.foyer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.application.Application;
import dev.foyer.application.ApplicationType;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.tokenviewer.TokenViewerApplication;
import dev.foyer.userflow.MfaEnforcement;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The out-of-the-box demo, as someone who just started the server meets it: the seeded tenant
 * {@code contoso}, the landing page's "Run user flow" links, and the demo app's callback page.
 * The shared end-to-end server seeds the demo tenant on start like any other start would.
 */
class DemoTenantTests extends EndToEndTest {

    @Autowired
    TokenViewerApplication viewer;

    @Test
    void demoTenantWhenServerStartsThenHasTheAppAndBothFlows() {
        Tenant contoso = contoso();
        TenantContext.run(contoso, () -> {
            List<Application> apps = applications.findAll().stream()
                    .filter(a -> a.displayName().equals("Contoso Auto Insurance")).toList();
            assertThat(apps).hasSize(1);
            assertThat(apps.get(0).type()).isEqualTo(ApplicationType.WEB);
            assertThat(apps.get(0).hasRedirectUri(origin() + "/demo/callback")).isTrue();

            UserFlow susi = flows.findByName("B2C_1_susi").orElseThrow();
            assertThat(susi.name()).isEqualTo("B2C_1_susi");
            assertThat(susi.properties().mfa().enforcement()).isEqualTo(MfaEnforcement.OFF);
            assertThat(susi.properties().mfa().isOn()).isFalse();

            UserFlow mfa = flows.findByName("B2C_1_susi_mfa").orElseThrow();
            assertThat(mfa.name()).isEqualTo("B2C_1_susi_mfa");
            assertThat(mfa.properties().mfa().enforcement()).isEqualTo(MfaEnforcement.ALWAYS_ON);
            assertThat(mfa.properties().mfa().method()).isEqualTo(MfaSettings.PHONE).isEqualTo("phone");

            List<Application> home = applications.findAll().stream()
                    .filter(a -> a.displayName().equals("Contoso Home Insurance")).toList();
            assertThat(home).as("the seed's second app, on the MFA flow").hasSize(1);
            assertThat(home.get(0).hasRedirectUri(origin() + "/demo/callback")).isTrue();
        });
    }

    @Test
    void landingPageWhenDemoTenantExistsThenLinksEachFlowToAValidAuthorizeUrlOfItsDemoApp() {
        // The test servers share one database; the viewer's reply URLs are those of the last to start.
        viewer.ensureFor(contoso());
        Browser.Response landing = browser().get("/");
        assertThat(landing.status()).isEqualTo(200);

        for (String flow : List.of("B2C_1_susi", "B2C_1_susi_mfa")) {
            Application app = flow.equals("B2C_1_susi") ? demoApp() : demoApp("Contoso Home Insurance");
            Element link = landing.document().selectFirst("a#run-" + flow);
            assertThat(link).as("Run user flow link for " + flow + " in:\n" + landing.body()).isNotNull();
            assertThat(link.text()).isEqualTo("Run user flow");
            URI uri = URI.create(link.absUrl("href"));
            assertThat(uri.getScheme() + "://" + uri.getAuthority()).isEqualTo(origin());
            assertThat(uri.getPath()).isEqualTo("/contoso/" + flow.toLowerCase() + "/oauth2/v2.0/authorize");
            Map<String, String> params = query(uri);
            assertThat(params).containsEntry("client_id", app.clientId().toString())
                    .containsEntry("redirect_uri", origin() + "/demo/callback")
                    .containsEntry("response_type", "id_token")
                    .containsEntry("response_mode", "form_post")
                    .containsEntry("scope", "openid");
            assertThat(params.get("nonce")).isNotBlank();

            // The authorize URL is the one the flow's own discovery document advertises.
            JsonNode discovery = jsonOf(browser().get("/contoso/" + flow.toLowerCase()
                    + "/v2.0/.well-known/openid-configuration"));
            assertThat(discovery.get("authorization_endpoint").asString())
                    .isEqualTo(origin() + uri.getPath());

            Element viewer = landing.document().selectFirst("a#viewer-" + flow);
            assertThat(viewer).as("Token viewer link for " + flow).isNotNull();
            assertThat(query(URI.create(viewer.absUrl("href"))))
                    .containsEntry("redirect_uri", origin() + "/tokenviewer")
                    .containsEntry("response_mode", "form_post");
        }

        // Valid: the server accepts the susi link and shows the sign-in page rather than an error.
        Browser.Response signIn = browser().open(runLink(landing, "B2C_1_susi"));
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.document().selectFirst("form#localAccountForm")).as(signIn.body()).isNotNull();
    }

    @Test
    void runningSusiFromTheLandingPageAndSigningUpShowsTheIdTokenClaimsOnTheDemoCallback() {
        Application app = demoApp();
        String email = uniqueEmail();
        Browser browser = browser();
        Browser.Response landing = browser.get("/");
        String run = runLink(landing, "B2C_1_susi");

        Browser.Response signInPage = browser.open(run);
        Browser.Response formPost = signUp(browser, signInPage, email, PASSWORD);
        assertThat(formPost.status()).as(formPost.body()).isEqualTo(200);
        assertThat(browser.formAction(formPost, "form#auto")).isEqualTo(origin() + "/demo/callback");

        // A browser without JavaScript shows the form; the person presses Continue.
        Browser.Response callback = browser.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.uri().getPath()).isEqualTo("/demo/callback");
        assertThat(callback.document().getElementById("error")).as(callback.body()).isNull();
        assertThat(claim(callback, "tfp")).isEqualTo("B2C_1_susi");
        assertThat(claim(callback, "aud")).contains(app.clientId().toString());
        assertThat(claim(callback, "emails")).contains(email);
        assertThat(claim(callback, "name")).isEqualTo("Ada Lovelace");
        assertThat(claim(callback, "nonce")).isEqualTo(query(URI.create(origin() + run)).get("nonce"));
        assertThat(claim(callback, "newUser")).isEqualTo("true");
        assertThat(claim(callback, "iss")).isEqualTo(origin() + "/contoso/b2c_1_susi/v2.0");
        assertThat(callback.document().getElementById("header").text()).contains("RS256").contains("kid");
    }

    @Test
    void runningSusiMfaFromTheLandingPageEnrollsAPhoneAndShowsMfaInTheClaims() {
        Browser browser = browser();
        Browser.Response landing = browser.get("/");
        String number = dev.foyer.testing.TestPhoneNumbers.usNational();

        Browser.Response enroll = signUp(browser, browser.open(runLink(landing, "B2C_1_susi_mfa")), uniqueEmail(),
                PASSWORD);
        Browser.Response codePage = browser.submit(enroll, "form#phoneVerification", "button#sendCode",
                Map.of("countryCode", "US", "number", number));
        Browser.Response formPost = browser.submit(codePage, "form#phoneVerification", "button#verifyCode",
                Map.of("verificationCode", latestCode("%2B1" + number, 1)));
        assertThat(browser.formAction(formPost, "form#auto")).isEqualTo(origin() + "/demo/callback");

        Browser.Response callback = browser.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(callback.document().getElementById("error")).as(callback.body()).isNull();
        assertThat(claim(callback, "tfp")).isEqualTo("B2C_1_susi_mfa");
        assertThat(claim(callback, "amr")).contains("pwd").contains("sms").contains("mfa");
        assertThat(claim(callback, "aud")).contains(demoApp("Contoso Home Insurance").clientId().toString());
    }

    @Test
    void passwordResetFlowIsSeededLinkedFromTheLandingPageAndOfferedOnAadb2c90118() {
        TenantContext.run(contoso(), () -> {
            UserFlow reset = flows.findByName("B2C_1_password_reset").orElseThrow();
            assertThat(reset.type()).isEqualTo(dev.foyer.userflow.UserFlowType.PASSWORD_RESET);
            assertThat(reset.properties().mfa().isOn()).isFalse();
        });
        Browser browser = browser();
        Browser.Response landing = browser.get("/");
        Browser.Response resetPage = browser.open(runLink(landing, "B2C_1_password_reset"));
        assertThat(resetPage.document().selectFirst("button#email_ver_but_send")).as(resetPage.body()).isNotNull();

        Browser other = browser();
        Browser.Response signInPage = other.open(runLink(landing, "B2C_1_susi"));
        Browser.Response formPost = other.submit(signInPage, "form#localAccountForm", "button#forgotPassword", Map.of());
        Browser.Response callback = other.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(callback.document().getElementById("error").text()).isEqualTo("access_denied");
        assertThat(callback.document().getElementById("error_description").text())
                .startsWith("AADB2C90118: The user has forgotten their password.");
        Element reset = callback.document().selectFirst("a#reset-password");
        assertThat(reset).as(callback.body()).isNotNull();
        assertThat(URI.create(reset.absUrl("href")).getPath()).isEqualTo("/contoso/b2c_1_password_reset/oauth2/v2.0/authorize");
        Browser.Response emailPage = other.open(reset.attr("href"));
        assertThat(emailPage.document().selectFirst("h1").text()).isEqualTo("Reset your password");
    }

    @Test
    void profileEditFlowIsSeededAndTheLandingPageLinksToIt() {
        TenantContext.run(contoso(), () -> {
            UserFlow profile = flows.findByName("B2C_1_profile_edit").orElseThrow();
            assertThat(profile.type()).isEqualTo(dev.foyer.userflow.UserFlowType.PROFILE_EDITING);
            assertThat(profile.definition().signUpAttributes()).contains("displayName", "givenName", "surname");
        });
        Browser browser = browser();
        Browser.Response landing = browser.get("/");
        Element edit = landing.document().selectFirst("a#edit-profile");
        assertThat(edit).as(landing.body()).isNotNull();
        assertThat(edit.text()).isEqualTo("Edit profile");
        assertThat(edit.attr("href")).isEqualTo(runLink(landing, "B2C_1_profile_edit"));
        Browser.Response signInPage = browser.open(edit.attr("href"));
        assertThat(signInPage.document().selectFirst("form#localAccountForm")).as(signInPage.body()).isNotNull();
        assertThat(signInPage.document().getElementById("createAccount")).as("no Sign up now").isNull();
    }

    private Tenant contoso() {
        List<Tenant> named = tenants.findAll().stream().filter(t -> t.name().equals("contoso")).toList();
        assertThat(named).as("tenants named contoso").hasSize(1);
        return named.get(0);
    }

    private Application demoApp() {
        return demoApp("Contoso Auto Insurance");
    }

    private Application demoApp(String name) {
        return TenantContext.call(contoso(), () -> applications.findAll().stream()
                .filter(a -> a.displayName().equals(name)).findFirst().orElseThrow());
    }

    private static String runLink(Browser.Response landing, String flow) {
        Element link = landing.document().selectFirst("a#run-" + flow);
        assertThat(link).as("Run user flow link for " + flow + " in:\n" + landing.body()).isNotNull();
        return link.attr("href");
    }

    private static String claim(Browser.Response callback, String name) {
        Element cell = callback.document().getElementById("claim-" + name);
        assertThat(cell).as("claim " + name + " in:\n" + callback.body()).isNotNull();
        return cell.text();
    }

    private static Map<String, String> query(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0],
                        p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }
}
