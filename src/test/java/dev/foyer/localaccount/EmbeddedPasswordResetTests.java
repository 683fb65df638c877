package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestPhoneNumbers;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Forgot your password?" on a sign-up-and-sign-in flow: B2C's legacy behaviour (AADB2C90118 to
 * the app, which MSAL apps answer by starting the password reset flow) when the flow's self-service
 * password reset is off, the reset inside the flow when it is on — with the flow's MFA.
 */
class EmbeddedPasswordResetTests extends LocalAccountFlowTest {

    private TestTenant t;
    private String email;

    @BeforeEach
    void tenantWithOneAccount() {
        t = newTenant();
        createFlow(t, "susi_reset", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF, true);
        createFlow(t, "susi_reset_mfa", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.ENABLED, true);
        email = uniqueEmail();
        existingUser(t, email);
    }

    @Test
    void withoutSelfServiceResetTheLinkReturnsAadb2c90118AndChangesNothing() {
        Browser browser = browser();
        String state = state();
        Browser.Response signInPage = open(browser, t, "B2C_1_susi", state);
        assertThat(signInPage.document().getElementById("forgotPassword")).as("the link is shown").isNotNull();

        Browser.Response response = browser.submit(signInPage, "form#localAccountForm", "button#forgotPassword",
                Map.of());

        Map<String, String> params = appResponse(response, t.webRedirectUri());
        assertThat(params).containsEntry("error", "access_denied").containsEntry("state", state);
        assertThat(params.get("error_description")).startsWith("AADB2C90118: The user has forgotten their password.");
        assertThat(messagesTo(email)).isEmpty();
        assertThat(passwordSignsIn(t, email, PASSWORD)).isTrue();
    }

    @Test
    void withSelfServiceResetTheResetRunsInsideTheFlowAndSignsIn() throws Exception {
        Browser browser = browser();
        Browser.Response emailPage = browser.submit(open(browser, t, "B2C_1_susi_reset", state()),
                "form#localAccountForm", "button#forgotPassword", Map.of());
        assertThat(isEmailPage(emailPage)).as(emailPage.body()).isTrue();
        assertThat(emailPage.document().selectFirst("h1").text()).isEqualTo("Reset your password");

        Browser.Response passwordPage = proveEmail(browser, emailPage, email, 0);
        assertThat(isNewPasswordPage(passwordPage)).as(passwordPage.body()).isTrue();
        var claims = idToken(tokensOf(t, "B2C_1_susi_reset",
                newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD)));

        assertThat(claims.getStringClaim("tfp")).isEqualTo("B2C_1_susi_reset");
        assertThat(claims.getStringListClaim("amr")).containsExactly("email");
        assertThat(passwordSignsIn(t, email, NEW_PASSWORD)).isTrue();
        assertThat(passwordSignsIn(t, email, PASSWORD)).isFalse();
    }

    @Test
    void withSelfServiceResetOnAnMfaFlowThePhoneIsAskedBeforeTheNewPassword() throws Exception {
        Browser browser = browser();
        Browser.Response enroll = proveEmail(browser, browser.submit(open(browser, t, "B2C_1_susi_reset_mfa", state()),
                "form#localAccountForm", "button#forgotPassword", Map.of()), email, 0);
        assertThat(isPhonePage(enroll)).as(enroll.body()).isTrue();

        String number = TestPhoneNumbers.usNational();
        Browser.Response codePage = browser.submit(enroll, PHONE_FORM, "button#sendCode",
                Map.of("countryCode", "US", "number", number));
        Browser.Response passwordPage = browser.submit(codePage, PHONE_FORM, "button#verifyCode",
                Map.of("verificationCode", latestCode("%2B1" + number, 1)));
        assertThat(isNewPasswordPage(passwordPage)).as(passwordPage.body()).isTrue();

        var claims = idToken(tokensOf(t, "B2C_1_susi_reset_mfa",
                newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD)));
        assertThat(claims.getStringListClaim("amr")).contains("email", "sms", "mfa").doesNotContain("pwd");
    }

    @Test
    void signInAndSignUpStillWorkOnAFlowWithSelfServiceReset() {
        Browser browser = browser();
        assertThat(appResponse(signIn(browser, open(browser, t, "B2C_1_susi_reset", state()), email, PASSWORD),
                t.webRedirectUri())).containsKey("code");

        Browser other = browser();
        Browser.Response done = signUp(other, open(other, t, "B2C_1_susi_reset", state()), uniqueEmail(), PASSWORD);
        assertThat(appResponse(done, t.webRedirectUri())).containsKey("code");
    }

    @Test
    void cancelInTheEmbeddedResetReturnsAccessDenied() {
        Browser browser = browser();
        String state = state();
        Browser.Response emailPage = browser.submit(open(browser, t, "B2C_1_susi_reset", state),
                "form#localAccountForm", "button#forgotPassword", Map.of());

        assertAccessDenied(cancel(browser, emailPage, FORM), t, state, "AADB2C90091");
    }

    @Test
    void cancelOnTheSignInPageOfASignUpAndSignInFlowReturnsAccessDenied() {
        Browser browser = browser();
        String state = state();
        assertAccessDenied(cancel(browser, open(browser, t, "B2C_1_susi", state), "form#localAccountForm"), t, state,
                "AADB2C90091");
    }
}
