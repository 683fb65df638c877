package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationType;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One application requires MFA while another does not; an application steps up to MFA for a
 * sensitive action — by switching to an MFA flow, or with {@code acr_values} — and only the missing
 * factor is asked.
 */
class StepUpToMfaFlowTests extends PhoneMfaEndToEndTest {

    @Test
    void signedInWithoutMfaThenTheMfaFlowAsksOnlyForThePhoneNotThePassword() throws Exception {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response done = signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), uniqueEmail(),
                PASSWORD);
        JWTClaimsSet first = idTokenOf(t, "B2C_1_susi", done);
        assertThat(first.getStringListClaim("amr")).containsExactly("pwd");

        Browser.Response stepUp = browser.open(authorizeUrl(t, MFA_FLOW, Map.of()));
        assertThat(stepUp.document().selectFirst("form#localAccountForm")).as("no password page").isNull();
        assertThat(stepUp.document().getElementById("password")).isNull();
        assertThat(isEnrollPage(stepUp)).as(stepUp.body()).isTrue();

        JWTClaimsSet stepped = idTokenOf(t, MFA_FLOW, enrollBySms(browser, stepUp, usNumber(), 0));
        assertThat(stepped.getSubject()).isEqualTo(first.getSubject());
        assertThat(stepped.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "sms", "mfa");
        assertThat(stepped.getLongClaim("auth_time")).as("auth_time is the first factor's time")
                .isEqualTo(first.getLongClaim("auth_time"));

        // Once proven, the second factor counts for the rest of the session: no page at all.
        Browser.Response again = browser.get(authorizeUrl(t, MFA_FLOW, Map.of()));
        assertThat(idTokenOf(t, MFA_FLOW, again).getStringListClaim("amr")).contains("mfa");
        // ...and a flow without MFA reports what the session holds.
        assertThat(idTokenOf(t, "B2C_1_susi", browser.get(authorizeUrl(t, "B2C_1_susi", Map.of())))
                .getStringListClaim("amr")).contains("pwd", "sms", "mfa");
    }

    @Test
    void acrValuesMfaStepsUpOnAFlowWithoutMfaAndKeepsThatFlowsName() throws Exception {
        TestTenant t = newTenant();
        Browser browser = browser();
        idTokenOf(t, "B2C_1_susi", signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())),
                uniqueEmail(), PASSWORD));

        Browser.Response stepUp = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of("acr_values", "mfa")));
        assertThat(isEnrollPage(stepUp)).as(stepUp.body()).isTrue();
        JWTClaimsSet id = idTokenOf(t, "B2C_1_susi", enrollBySms(browser, stepUp, usNumber(), 0));
        assertThat(id.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "sms", "mfa");
        assertThat(id.getStringClaim("tfp")).isEqualTo("B2C_1_susi");
    }

    @Test
    void acrValuesNamingAnMfaFlowStepsUpWithThatFlowsMethod() throws Exception {
        TestTenant t = newTenant();
        Browser browser = browser();
        idTokenOf(t, "B2C_1_susi", signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())),
                uniqueEmail(), PASSWORD));

        Browser.Response stepUp = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of("acr_values", "b2c_1_susi_mfa")));
        assertThat(isEnrollPage(stepUp)).as(stepUp.body()).isTrue();
        assertThat(idTokenOf(t, "B2C_1_susi", enrollBySms(browser, stepUp, usNumber(), 0))
                .getStringListClaim("amr")).contains("mfa");
    }

    @Test
    void maxAgeOnTheMfaFlowAsksForThePasswordAgainButNotForTheFreshPhone() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        idTokenOf(t, MFA_FLOW, enrollBySms(browser, enroll, usNumber(), 0));

        Browser.Response page = browser.open(authorizeUrl(t, MFA_FLOW, Map.of("max_age", "0")));
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        Browser.Response after = signIn(browser, page, email, PASSWORD);
        assertThat(idTokenOf(t, MFA_FLOW, after).getStringListClaim("amr")).contains("pwd", "sms", "mfa");
    }

    @Test
    void aSecondFactorOlderThanTheSessionLifetimeNoLongerCounts() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        idTokenOf(t, MFA_FLOW, enrollBySms(browser, enroll, usNumber(), 0));
        // Simulate time passing: the SMS factor was proven two days ago (the flow's session lifetime is 24 hours).
        String factors = jdbc.sql("select factors from sso_session where tenant_id = ?").param(t.tenant().id())
                .query(String.class).single();
        String aged = factors.replaceAll("(\\{\"method\":\"sms\",\"at\":\")[^\"]+",
                "$1" + java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
        assertThat(aged).isNotEqualTo(factors);
        jdbc.sql("update sso_session set factors = ? where tenant_id = ?").params(aged, t.tenant().id()).update();

        Browser.Response again = browser.open(authorizeUrl(t, MFA_FLOW, Map.of()));
        assertThat(isPhonePage(again)).as("the phone is asked again:\n" + again.body()).isTrue();
        assertThat(again.document().getElementById("password")).as("but not the password").isNull();
        assertThat(idTokenOf(t, "B2C_1_susi", browser.get(authorizeUrl(t, "B2C_1_susi", Map.of())))
                .getStringListClaim("amr")).as("the stale factor is not claimed either").containsExactly("pwd");
    }

    @Test
    void oneUserSignsIntoAutoInsuranceWithoutAPhoneAndIntoHomeInsuranceOnlyAfterVerifyingOne() throws Exception {
        TestTenant t = newTenant();
        Application home = TenantContext.call(t.tenant(), () -> applications.register(new Application(
                UUID.randomUUID(), "Home Insurance", ApplicationType.WEB, List.of("https://home.example/signin-oidc"),
                Optional.empty())));
        String email = uniqueEmail();
        Browser auto = browser();
        Browser.Response done = signUp(auto, auto.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        assertThat(idTokenOf(t, "B2C_1_susi", done).getStringListClaim("amr")).containsExactly("pwd");
        assertThat(phoneMethodsOf(email)).isZero();

        Browser homeBrowser = browser();
        Browser.Response homePage = homeBrowser.open(authorizeUrl(t, MFA_FLOW, Map.of(
                "client_id", home.clientId().toString(), "redirect_uri", "https://home.example/signin-oidc")));
        Browser.Response phone = signIn(homeBrowser, homePage, email, PASSWORD);
        assertThat(isEnrollPage(phone)).as(phone.body()).isTrue();
        Browser.Response redirect = enrollBySms(homeBrowser, phone, usNumber(), 0);
        assertThat(redirect.location().orElseThrow()).startsWith("https://home.example/signin-oidc?code=");
        assertThat(phoneMethodsOf(email)).isEqualTo(1);
    }
}
