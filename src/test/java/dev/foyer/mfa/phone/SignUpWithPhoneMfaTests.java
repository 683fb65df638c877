package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's behaviour: MFA by phone switched on per flow, enrollment at sign-up, verification later. */
class SignUpWithPhoneMfaTests extends PhoneMfaEndToEndTest {

    @Test
    void signUpEnrollsAPhoneBySmsAfterTheAccountIsCreatedAndTheTokenSaysMfa() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String number = usNumber();
        Browser browser = browser();

        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        assertThat(isEnrollPage(enroll)).as(enroll.body()).isTrue();
        assertThat(accountsWith(email)).as("the account exists before the MFA step").isEqualTo(1);
        assertThat(enroll.document().getElementById("countryCode")).isNotNull();
        assertThat(enroll.document().getElementById("sendCode")).isNotNull();
        assertThat(enroll.document().getElementById("callMe")).isNotNull();
        assertThat(enroll.document().getElementById("cancel")).isNotNull();

        Browser.Response codePage = requestCode(browser, enroll, "US", number, "button#sendCode");
        assertThat(codePage.document().getElementById("maskedNumber").text())
                .isEqualTo("+1 XXX-XXX-" + number.substring(6));
        JsonNode sms = messagesTo(e164(number)).get(0);
        assertThat(sms.get("channel").asString()).isEqualTo("SMS");
        assertThat(sms.get("body").asString()).contains(sms.get("code").asString());

        JWTClaimsSet id = idTokenOf(t, MFA_FLOW, enterCode(browser, codePage, codeSentTo(e164(number), 1)));
        assertThat(id.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "sms", "mfa");
        assertThat(id.getStringClaim("tfp")).isEqualTo(MFA_FLOW);
        assertThat(id.getBooleanClaim("newUser")).isTrue();
        assertThat(phoneMethodsOf(email)).as("the phone is attached to the account").isEqualTo(1);
    }

    @Test
    void signUpEnrollsAPhoneByVoiceCallAndTheTokenSaysTel() throws Exception {
        TestTenant t = newTenant();
        String number = usNumber();
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), uniqueEmail(),
                PASSWORD);

        Browser.Response codePage = requestCode(browser, enroll, "US", number, "button#callMe");
        JsonNode call = messagesTo(e164(number)).get(0);
        assertThat(call.get("channel").asString()).isEqualTo("VOICE");
        String code = call.get("code").asString();
        assertThat(call.get("body").asString()).contains(String.join(" ", code.split("")));

        JWTClaimsSet id = idTokenOf(t, MFA_FLOW, enterCode(browser, codePage, code));
        assertThat(id.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "tel", "mfa");
    }

    @Test
    void signInWithAVerifiedPhoneShowsTheMaskedNumberAndAsksOnlyForTheCode() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String number = usNumber();
        Browser first = browser();
        Browser.Response enroll = signUp(first, first.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        idTokenOf(t, MFA_FLOW, enrollBySms(first, enroll, number, 0));

        Browser second = browser();
        Browser.Response verify = signIn(second, second.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        assertThat(isPhonePage(verify)).as(verify.body()).isTrue();
        assertThat(verify.document().getElementById("number")).as("no number to type").isNull();
        assertThat(verify.document().getElementById("maskedNumber").text())
                .isEqualTo("+1 XXX-XXX-" + number.substring(6));
        assertThat(verify.body()).doesNotContain(number);

        Browser.Response codePage = second.submit(verify, "form#phoneVerification", "button#sendCode", Map.of());
        JWTClaimsSet id = idTokenOf(t, MFA_FLOW, enterCode(second, codePage, codeSentTo(e164(number), 2)));
        assertThat(id.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "sms", "mfa");
        assertThat(id.getClaim("newUser")).isNull();
        assertThat(phoneMethodsOf(email)).isEqualTo(1);
    }

    @Test
    void cancelAtEnrollmentKeepsTheAccountAndTheNextSignInAsksForThePhoneAgain() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of("state", "s-cancel"))),
                email, PASSWORD);
        Browser.Response cancelled = browser.submit(enroll, "form#phoneVerification", "button#cancel", Map.of());

        Map<String, String> response = appResponse(cancelled, t.webRedirectUri());
        assertThat(response).containsEntry("error", "access_denied").containsEntry("state", "s-cancel");
        assertThat(response.get("error_description")).startsWith("AADB2C90091");
        assertThat(accountsWith(email)).isEqualTo(1);
        assertThat(phoneMethodsOf(email)).isZero();

        // The cancelled journey recorded no session, so the same browser signs in with the password again.
        Browser again = browser;
        Browser.Response next = signIn(again, again.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        assertThat(isEnrollPage(next)).as("enrollment is asked again:\n" + next.body()).isTrue();
        JWTClaimsSet id = idTokenOf(t, MFA_FLOW, enrollBySms(again, next, usNumber(), 0));
        assertThat(id.getStringListClaim("amr")).contains("mfa");
        assertThat(phoneMethodsOf(email)).isEqualTo(1);
    }

    @Test
    void abandoningEnrollmentHasTheSameEffectAsCancel() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser abandoned = browser();
        signUp(abandoned, abandoned.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);

        Browser fresh = browser();
        Browser.Response next = signIn(fresh, fresh.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        assertThat(isEnrollPage(next)).as(next.body()).isTrue();
        assertThat(phoneMethodsOf(email)).isZero();
    }

    @Test
    void turningMfaOnForAFlowChangesItsNextRunWithoutARestart() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser first = browser();
        Browser.Response done = signUp(first, first.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        assertThat(idTokenOf(t, "B2C_1_susi", done).getStringListClaim("amr")).containsExactly("pwd");

        TenantContext.run(t.tenant(), () -> {
            UserFlow flow = flows.findByName("B2C_1_susi").orElseThrow();
            flows.update(new UserFlow(flow.id(), flow.name(), flow.type(),
                    flow.definition().withProperties(flow.properties().withMfa(MfaSettings.ENABLED)), flow.version()),
                    flow.version());
        });

        Browser second = browser();
        Browser.Response next = signIn(second, second.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD);
        assertThat(isEnrollPage(next)).as(next.body()).isTrue();
        JWTClaimsSet id = idTokenOf(t, "B2C_1_susi", enrollBySms(second, next, usNumber(), 0));
        assertThat(id.getStringListClaim("amr")).containsExactlyInAnyOrder("pwd", "sms", "mfa");
    }
}
