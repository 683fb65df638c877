package dev.foyer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.security.OpaqueTokens;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hosted pages against forged forms, guessed or stolen journey URLs and replayed resumes: each
 * gets a plain error page that gives nothing away, and the genuine journey carries on untouched.
 */
class JourneyPageSecurityTests extends EndToEndTest {

    private static final String FORM_REJECTED = "This form was not sent by the page we showed you, or that page has"
            + " expired. Go back, reload the page and try again.";
    private static final String RESUME_EXPIRED = "This sign-in has expired or was already completed. Return to the"
            + " application and sign in again.";

    private TestTenant t;

    @BeforeEach
    void tenant() {
        t = newTenant();
    }

    @Test
    void forgedOrMissingCsrfTokenGets403AndLeavesTheJourneyAsItWas() {
        Browser browser = browser();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        String journeyUrl = signIn.uri().toString();
        int version = journeyVersion();

        Map<String, String> forged = browser.formValues(signIn, "form#localAccountForm");
        forged.put("csrf_token", OpaqueTokens.generate());
        forged.put("action", "signUp");
        assertRefused(browser.post(journeyUrl, forged), 403, FORM_REJECTED);

        Map<String, String> missing = browser.formValues(signIn, "form#localAccountForm");
        missing.remove("csrf_token");
        missing.put("action", "signUp");
        assertRefused(browser.post(journeyUrl, missing), 403, FORM_REJECTED);

        Map<String, String> empty = browser.formValues(signIn, "form#localAccountForm");
        empty.put("csrf_token", "");
        empty.put("action", "signUp");
        assertRefused(browser.post(journeyUrl, empty), 403, FORM_REJECTED);

        assertThat(journeyVersion()).as("the journey was not saved").isEqualTo(version);
        Browser.Response again = browser.get(journeyUrl);
        assertThat(again.document().selectFirst("form#localAccountForm")).as("still on the sign-in page").isNotNull();
        Browser.Response emailPage = browser.submit(signIn, "form#localAccountForm", "button#createAccount", Map.of());
        assertThat(emailPage.document().selectFirst("button#email_ver_but_send")).as(emailPage.body()).isNotNull();
    }

    @Test
    void tamperedJourneyIdGets404ExpiredPageWithoutStackTraceOrInternalIds() {
        Browser browser = browser();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        String journeyUrl = signIn.uri().toString();
        String id = journeyUrl.substring(journeyUrl.lastIndexOf('/') + 1);
        String base = journeyUrl.substring(0, journeyUrl.lastIndexOf('/') + 1);
        char last = id.charAt(id.length() - 1);
        List<String> tampered = List.of(
                id.substring(0, id.length() - 1) + (last == 'A' ? 'B' : 'A'),
                id.substring(1),
                id + "x",
                "x".repeat(500),
                UUID.randomUUID().toString());

        for (String other : tampered) {
            Browser.Response shown = browser.get(base + other);
            assertRefused(shown, 404, JourneyEngine.PAGE_EXPIRED);
            assertNoInternals(shown, id, other);
            Map<String, String> form = browser.formValues(signIn, "form#localAccountForm");
            form.put("action", "signUp");
            Browser.Response posted = browser.post(base + other, form);
            assertRefused(posted, 404, JourneyEngine.PAGE_EXPIRED);
            assertNoInternals(posted, id, other);
        }

        // The journey of this tenant is not reachable under another tenant's name either.
        TestTenant other = newTenant();
        Browser.Response elsewhere = browser.get(journeyUrl.replace("/" + t.name() + "/", "/" + other.name() + "/"));
        assertRefused(elsewhere, 404, JourneyEngine.PAGE_EXPIRED);

        assertThat(browser.get(journeyUrl).document().selectFirst("form#localAccountForm")).isNotNull();
    }

    @Test
    void expiredJourneyGetsTheSameExpiredPage() {
        Browser browser = browser();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        String journeyUrl = signIn.uri().toString();
        // Time passes: the journey's expiry is moved into the past, as if its 30 minutes were up.
        jdbc.sql("update journey set expires_at = ? where tenant_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), t.tenant().id()).update();

        Browser.Response shown = browser.get(journeyUrl);
        assertRefused(shown, 404, JourneyEngine.PAGE_EXPIRED);
        assertNoInternals(shown, journeyUrl.substring(journeyUrl.lastIndexOf('/') + 1), "");
        Browser.Response posted = browser.post(journeyUrl, withAction(browser, signIn, "signUp"));
        assertRefused(posted, 404, JourneyEngine.PAGE_EXPIRED);
    }

    @Test
    void journeyUrlOpenedInASecondBrowserGets403AndTheFirstBrowserCarriesOn() {
        Browser first = browser();
        Browser.Response signIn = first.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        String journeyUrl = signIn.uri().toString();

        Browser second = browser();
        Browser.Response stolen = second.get(journeyUrl);
        assertRefused(stolen, 403, JourneyEngine.PAGE_EXPIRED);
        assertThat(stolen.body()).doesNotContain(first.cookie("foyer_browser").orElseThrow());
        Browser.Response stolenPost = second.post(journeyUrl, withAction(first, signIn, "signUp"));
        assertRefused(stolenPost, 403, FORM_REJECTED);

        Browser.Response emailPage = first.submit(signIn, "form#localAccountForm", "button#createAccount", Map.of());
        assertThat(emailPage.document().selectFirst("button#email_ver_but_send")).as(emailPage.body()).isNotNull();
    }

    @Test
    void everyHostedPageLabelsEachInputAndSendsTheContentSecurityPolicy() {
        Browser browser = browser();
        String email = uniqueEmail();
        List<Browser.Response> pages = new ArrayList<>();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        pages.add(signIn);
        Browser.Response signInErrors = browser.submit(signIn, "form#localAccountForm", "button#next",
                Map.of("signInName", "", "password", ""));
        pages.add(signInErrors);
        Browser.Response emailPage = browser.submit(signInErrors, "form#localAccountForm", "button#createAccount",
                Map.of());
        pages.add(emailPage);
        Browser.Response emailErrors = browser.submit(emailPage, "form#attributeVerification",
                "button#email_ver_but_send", Map.of("email", "nope"));
        pages.add(emailErrors);
        Browser.Response codePage = browser.submit(emailErrors, "form#attributeVerification",
                "button#email_ver_but_send", Map.of("email", email));
        pages.add(codePage);
        Browser.Response details = browser.submit(codePage, "form#attributeVerification",
                "button#email_ver_but_verify", Map.of("code", latestCode(email, 1)));
        pages.add(details);
        Browser.Response detailsErrors = browser.submit(details, "form#attributeVerification", "button#continue",
                Map.of());
        pages.add(detailsErrors);
        pages.add(browser.get(detailsErrors.uri().toString() + "x"));

        for (Browser.Response page : pages) {
            assertThat(page.header("Content-Security-Policy")).as("CSP on " + page.uri()).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'self'").contains("frame-ancestors 'none'")
                            .doesNotContain("unsafe-inline"));
            for (Element input : page.document().select("input:not([type=hidden]), select, textarea")) {
                assertThat(input.id()).as("an id on every input of " + page.uri()).isNotEmpty();
                assertThat(page.document().select("label[for=" + input.id() + "]"))
                        .as("a label for #" + input.id() + " on " + page.uri()).hasSize(1);
            }
        }
        assertThat(details.document().select("input:not([type=hidden])")).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void resumeUrlInAnotherBrowserDoesNotGetTheCodeAndResumingTwiceGetsTheExpiredPage() {
        Browser browser = browser();
        String email = uniqueEmail();
        Browser.Response signIn = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Browser.Response emailPage = browser.submit(signIn, "form#localAccountForm", "button#createAccount", Map.of());
        Browser.Response codePage = browser.submit(emailPage, "form#attributeVerification",
                "button#email_ver_but_send", Map.of("email", email));
        Browser.Response details = browser.submit(codePage, "form#attributeVerification",
                "button#email_ver_but_verify", Map.of("code", latestCode(email, 1)));
        Map<String, String> form = browser.formValues(details, "form#attributeVerification");
        form.putAll(Map.of("action", "continue", "newPassword", PASSWORD, "reenterPassword", PASSWORD,
                "displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace"));
        String journeyUrl = details.uri().toString();
        String journeyId = journeyUrl.substring(journeyUrl.lastIndexOf('/') + 1);

        Browser.Response finished = browser.post(journeyUrl, form);
        assertThat(finished.isRedirect()).as(finished.body()).isTrue();
        String resume = finished.location().orElseThrow();
        assertThat(resume).endsWith("/" + t.name() + "/b2c_1_susi/oauth2/v2.0/authorize/resume?journey=" + journeyId);

        Browser stranger = browser();
        Browser.Response stolen = stranger.get(resume);
        assertThat(stolen.status()).isEqualTo(400);
        assertThat(stolen.location()).isEmpty();
        assertThat(stolen.pageError()).isEqualTo(RESUME_EXPIRED);
        assertThat(stolen.body()).doesNotContain("code=").doesNotContain(t.webRedirectUri());
        assertThat(grantsInTenant()).as("no code issued to the stranger").isZero();

        Map<String, String> response = appResponse(browser.get(resume), t.webRedirectUri());
        assertThat(response).containsKey("code");
        assertThat(grantsInTenant()).isEqualTo(1);

        Browser.Response twice = browser.get(resume);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.location()).isEmpty();
        assertThat(twice.pageError()).isEqualTo(RESUME_EXPIRED);
        assertThat(grantsInTenant()).as("no second code").isEqualTo(1);
        assertRefused(browser.get(journeyUrl), 404, JourneyEngine.PAGE_EXPIRED);
    }

    @Test
    void flowWithAnMfaMethodThisServerLacksRefusesAtAuthorizeBeforeAnyPageOrAccount() {
        dev.foyer.tenant.TenantContext.run(t.tenant(), () -> flows.create("susi_unknown_mfa",
                dev.foyer.userflow.UserFlowType.SIGN_UP_OR_SIGN_IN, definition(new dev.foyer.userflow.MfaSettings(
                        "carrierPigeon", dev.foyer.userflow.MfaEnforcement.ALWAYS_ON))));
        Browser browser = browser();
        Browser.Response authorize = browser.get(authorizeUrl(t, "B2C_1_susi_unknown_mfa",
                Map.of("state", "mfa-state")));

        Map<String, String> response = appResponse(authorize, t.webRedirectUri());
        assertThat(response).containsEntry("error", "temporarily_unavailable").containsEntry("state", "mfa-state")
                .doesNotContainKey("code");
        assertThat(response.get("error_description")).containsIgnoringCase("multi-factor authentication");
        assertThat(browser.cookie("foyer_browser")).as("no hosted page was shown").isEmpty();
        assertThat(count("journey")).as("no journey started").isZero();
        assertThat(count("directory_user")).as("no account").isZero();
        assertThat(outboxRows()).as("no code sent").isZero();
    }

    private static void assertRefused(Browser.Response response, int status, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.isRedirect()).isFalse();
        assertThat(response.pageError()).isEqualTo(message);
        assertThat(response.document().selectFirst("form")).as("no form to go on with").isNull();
        assertThat(response.header("Content-Security-Policy")).isPresent();
    }

    private void assertNoInternals(Browser.Response response, String journeyId, String presentedId) {
        assertThat(response.body())
                .doesNotContainIgnoringCase("exception")
                .doesNotContain("dev.foyer")
                .doesNotContain("java.")
                .doesNotContain("\tat ")
                .doesNotContain(t.tenant().id().toString())
                .doesNotContain(journeyId)
                .doesNotContain(OpaqueTokens.hash(journeyId));
        if (!presentedId.isEmpty()) {
            assertThat(response.body()).doesNotContain(presentedId);
        }
    }

    private static Map<String, String> withAction(Browser browser, Browser.Response page, String action) {
        Map<String, String> form = new LinkedHashMap<>(browser.formValues(page, "form#localAccountForm"));
        form.put("action", action);
        return form;
    }

    private int journeyVersion() {
        return jdbc.sql("select version from journey where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    private int grantsInTenant() {
        return count("oauth_grant");
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    private int outboxRows() {
        return jdbc.sql("select count(*) from outbox_message where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }
}
