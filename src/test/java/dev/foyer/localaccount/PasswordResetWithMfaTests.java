package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.directory.User;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestPhoneNumbers;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password reset flow with MFA on: the reset is no way around the second factor. After the email
 * code, the phone step runs as at sign-in — the enrolled phone is verified, a user without one
 * enrolls (as B2C asks) — before the new password page; an earlier session's factors do not count;
 * Cancel at the phone step changes nothing.
 */
class PasswordResetWithMfaTests extends LocalAccountFlowTest {

    static final String FLOW = "B2C_1_password_reset_mfa";

    private TestTenant t;
    private String email;
    private User user;

    @BeforeEach
    void tenantWithOneAccount() {
        t = newTenant();
        createFlow(t, "password_reset_mfa", UserFlowType.PASSWORD_RESET, MfaSettings.ENABLED, false);
        email = uniqueEmail();
        user = existingUser(t, email);
    }

    @Test
    void userWithAPhoneMustPassThePhoneStepBeforeTheNewPassword() throws Exception {
        String number = enrollPhone(browser());
        Browser browser = browser();

        Browser.Response phonePage = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);
        assertThat(isPhonePage(phonePage)).as("the phone step, not the new password:\n" + phonePage.body()).isTrue();
        assertThat(phonePage.document().getElementById("number")).as("the enrolled number, masked").isNull();
        assertThat(phonePage.body()).contains(number.substring(number.length() - 4)).doesNotContain(number);

        Browser.Response codePage = browser.submit(phonePage, PHONE_FORM, "button#sendCode", Map.of());
        Browser.Response wrong = browser.submit(codePage, PHONE_FORM, "button#verifyCode",
                Map.of("verificationCode", "000000".equals(smsCode(number, 2)) ? "111111" : "000000"));
        assertThat(isNewPasswordPage(wrong)).as("a wrong phone code gets no further").isFalse();
        Browser.Response passwordPage = browser.submit(wrong, PHONE_FORM, "button#verifyCode",
                Map.of("verificationCode", smsCode(number, 2)));
        assertThat(isNewPasswordPage(passwordPage)).as(passwordPage.body()).isTrue();

        JWTClaimsSet claims = idToken(tokensOf(t, FLOW, newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD)));
        assertThat(claims.getStringListClaim("amr")).containsExactlyInAnyOrder("email", "sms", "mfa");
        assertThat(passwordSignsIn(t, email, NEW_PASSWORD)).isTrue();
    }

    @Test
    void cancelAtThePhoneStepReturnsAccessDeniedAndThePasswordIsUnchanged() {
        enrollPhone(browser());
        Browser browser = browser();
        String state = state();
        String hash = passwordHashOf(user.objectId());
        Browser.Response phonePage = proveEmail(browser, open(browser, t, FLOW, state), email, 0);
        assertThat(isPhonePage(phonePage)).as(phonePage.body()).isTrue();

        assertAccessDenied(cancel(browser, phonePage, PHONE_FORM), t, state, "AADB2C90091");
        assertThat(passwordHashOf(user.objectId())).isEqualTo(hash);
        assertThat(passwordSignsIn(t, email, PASSWORD)).isTrue();
    }

    @Test
    void userWithoutAPhoneEnrollsOneBeforeTheNewPassword() throws Exception {
        Browser browser = browser();
        Browser.Response enroll = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);
        assertThat(isPhonePage(enroll) && enroll.document().getElementById("number") != null)
                .as("enrollment, as at sign-in:\n" + enroll.body()).isTrue();

        String number = TestPhoneNumbers.usNational();
        Browser.Response codePage = browser.submit(enroll, PHONE_FORM, "button#sendCode",
                Map.of("countryCode", "US", "number", number));
        Browser.Response passwordPage = browser.submit(codePage, PHONE_FORM, "button#verifyCode",
                Map.of("verificationCode", smsCode(number, 1)));
        assertThat(isNewPasswordPage(passwordPage)).as(passwordPage.body()).isTrue();

        JWTClaimsSet claims = idToken(tokensOf(t, FLOW, newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD)));
        assertThat(claims.getStringListClaim("amr")).contains("email", "sms", "mfa");
    }

    @Test
    void aSessionThatAlreadyProvedThePhoneDoesNotSkipThePhoneStepOfTheReset() {
        Browser browser = browser();
        String number = enrollPhone(browser);
        Browser.Response silent = browser.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of()));
        assertThat(appResponse(silent, t.webRedirectUri())).as("the session holds password and phone")
                .containsKey("code");

        Browser.Response phonePage = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);

        assertThat(isPhonePage(phonePage)).as("the phone is asked again:\n" + phonePage.body()).isTrue();
        assertThat(number).isNotEmpty();
    }

    /** Signs in through susi_mfa in {@code browser} and enrolls a new number; returns it. */
    private String enrollPhone(Browser browser) {
        String number = TestPhoneNumbers.usNational();
        Browser.Response enroll = signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())), email,
                PASSWORD);
        Browser.Response codePage = browser.submit(enroll, PHONE_FORM, "button#sendCode",
                Map.of("countryCode", "US", "number", number));
        Browser.Response done = browser.submit(codePage, PHONE_FORM, "button#verifyCode",
                Map.of("verificationCode", smsCode(number, 1)));
        assertThat(appResponse(done, t.webRedirectUri())).containsKey("code");
        return number;
    }

    private String smsCode(String usNumber, int expectedMessages) {
        return latestCode("%2B1" + usNumber, expectedMessages);
    }
}
