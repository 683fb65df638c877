package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sign-in flow ({@code B2C_1_signin}): the sign-in page without "Sign up now", with "Forgot your
 * password?" (AADB2C90118 to the app when the flow's self-service password reset is off), and
 * Cancel.
 */
class SignInOnlyFlowTests extends LocalAccountFlowTest {

    static final String FLOW = "B2C_1_signin";

    private TestTenant t;
    private String email;

    @BeforeEach
    void tenantWithOneAccount() {
        t = newTenant();
        createFlow(t, "signin", UserFlowType.SIGN_IN, MfaSettings.OFF, false);
        email = uniqueEmail();
        existingUser(t, email);
    }

    @Test
    void signInPageOffersNoSignUpButForgotPasswordAndSignsIn() throws Exception {
        Browser browser = browser();
        Browser.Response page = open(browser, t, FLOW, state());

        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        assertThat(page.document().getElementById("createAccount")).as("no Sign up now").isNull();
        assertThat(page.document().getElementById("forgotPassword").text()).isEqualTo("Forgot your password?");
        var claims = idToken(tokensOf(t, FLOW, signIn(browser, page, email, PASSWORD)));
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getStringClaim("tfp")).isEqualTo(FLOW);
    }

    @Test
    void aForgedSignUpActionDoesNotLeadToSignUp() {
        Browser browser = browser();
        Browser.Response page = browser.submit(open(browser, t, FLOW, state()), "form#localAccountForm",
                "button#next", Map.of("action", "signUp"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(isEmailPage(page)).isFalse();
        assertThat(page.document().selectFirst("form#localAccountForm")).isNotNull();
        assertThat(appResponse(signIn(browser, page, email, PASSWORD), t.webRedirectUri())).containsKey("code");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameGenericError() {
        Browser browser = browser();
        Browser.Response wrong = signIn(browser, open(browser, t, FLOW, state()), email, "Wrong-Horse-42");
        Browser.Response unknown = signIn(browser, wrong, uniqueEmail(), "Wrong-Horse-42");

        assertThat(wrong.pageError()).isEqualTo("The email address or password is incorrect.");
        assertThat(unknown.pageError()).isEqualTo(wrong.pageError());
        Browser.Response empty = signIn(browser, unknown, "", "");
        assertThat(empty.fieldError("signInName")).isEqualTo("Please enter your email address.");
        assertThat(empty.fieldError("password")).isEqualTo("Please enter your password.");
    }

    @Test
    void forgotPasswordWithoutSelfServiceResetReturnsAadb2c90118ToTheApp() {
        Browser browser = browser();
        String state = state();
        Browser.Response response = browser.submit(open(browser, t, FLOW, state), "form#localAccountForm",
                "button#forgotPassword", Map.of());

        Map<String, String> params = appResponse(response, t.webRedirectUri());
        assertThat(params).containsEntry("error", "access_denied").containsEntry("state", state)
                .doesNotContainKey("code");
        assertThat(params.get("error_description")).isEqualTo("AADB2C90118: The user has forgotten their password.");
    }

    @Test
    void forgotPasswordWithSelfServiceResetRunsTheResetAndSignsIn() throws Exception {
        createFlow(t, "signin_reset", UserFlowType.SIGN_IN, MfaSettings.OFF, true);
        Browser browser = browser();
        Browser.Response emailPage = browser.submit(open(browser, t, "B2C_1_signin_reset", state()),
                "form#localAccountForm", "button#forgotPassword", Map.of());
        assertThat(isEmailPage(emailPage)).as(emailPage.body()).isTrue();

        Browser.Response passwordPage = proveEmail(browser, emailPage, email, 0);
        var claims = idToken(tokensOf(t, "B2C_1_signin_reset",
                newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD)));
        assertThat(claims.getStringListClaim("amr")).containsExactly("email");
        assertThat(passwordSignsIn(t, email, NEW_PASSWORD)).isTrue();
    }

    @Test
    void cancelOnTheSignInPageReturnsAccessDenied() {
        Browser browser = browser();
        String state = state();
        assertAccessDenied(cancel(browser, open(browser, t, FLOW, state), "form#localAccountForm"), t, state,
                "AADB2C90091");
    }
}
