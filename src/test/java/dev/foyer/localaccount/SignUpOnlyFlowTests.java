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
 * A sign-up flow ({@code B2C_1_signup}): the sign-up pages without a sign-in page. An address that
 * has an account is refused only after its code is proven, and no second account is made.
 */
class SignUpOnlyFlowTests extends LocalAccountFlowTest {

    static final String FLOW = "B2C_1_signup";

    private TestTenant t;
    private String email;

    @BeforeEach
    void tenant() {
        t = newTenant();
        createFlow(t, "signup", UserFlowType.SIGN_UP, MfaSettings.OFF, false);
        email = uniqueEmail();
    }

    @Test
    void signUpStartsAtTheEmailPageAndCreatesTheAccount() throws Exception {
        Browser browser = browser();
        Browser.Response emailPage = open(browser, t, FLOW, state());
        assertThat(isEmailPage(emailPage)).as(emailPage.body()).isTrue();
        assertThat(emailPage.document().selectFirst("h1").text()).isEqualTo("Create your account");
        assertThat(emailPage.document().selectFirst("form#localAccountForm")).as("no sign-in page").isNull();

        Browser.Response details = proveEmail(browser, emailPage, email, 0);
        assertThat(details.document().getElementById("displayName")).as(details.body()).isNotNull();
        Browser.Response done = browser.submit(details, FORM, "button#continue", Map.of("newPassword", PASSWORD,
                "reenterPassword", PASSWORD, "displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace"));

        var claims = idToken(tokensOf(t, FLOW, done));
        assertThat(claims.getBooleanClaim("newUser")).isTrue();
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getStringListClaim("emails")).containsExactly(email);
        assertThat(usersIn(t)).isEqualTo(1);
        assertThat(passwordSignsIn(t, email, PASSWORD)).isTrue();
    }

    @Test
    void existingEmailIsRefusedOnlyAfterTheCodeAndNoSecondAccountIsMade() {
        existingUser(t, email);
        Browser browser = browser();
        Browser.Response codePage = sendCode(browser, open(browser, t, FLOW, state()), email);
        assertThat(codePage.fieldError("email")).as("sending the code tells nothing").isEmpty();
        assertThat(codePage.document().getElementById("email_info")).isNotNull();

        Browser.Response refused = verify(browser, codePage, latestCode(email, 1));
        assertThat(refused.fieldError("email")).isEqualTo("An account with this email address already exists."
                + " Cancel and sign in instead, or use another email address.");
        assertThat(refused.document().getElementById("newPassword")).isNull();
        assertThat(usersIn(t)).isEqualTo(1);
    }

    @Test
    void badInputsOnEachPageGetClearErrorsAndCreateNothing() {
        Browser browser = browser();
        Browser.Response empty = sendCode(browser, open(browser, t, FLOW, state()), "");
        assertThat(empty.fieldError("email")).isEqualTo("Please enter your email address.");
        Browser.Response invalid = sendCode(browser, empty, "not-an-email");
        assertThat(invalid.fieldError("email")).isEqualTo("Please enter a valid email address.");

        Browser.Response codePage = sendCode(browser, invalid, email);
        String code = latestCode(email, 1);
        Browser.Response wrong = verify(browser, codePage, code.equals("000000") ? "111111" : "000000");
        assertThat(wrong.fieldError("code")).isEqualTo("That code is incorrect. Please try again.");
        expireEmailCodeOf(wrong);
        assertThat(verify(browser, wrong, code).fieldError("code")).isEqualTo("That code has expired. Send a new code.");

        Browser.Response resent = browser.submit(wrong, FORM, "button#email_ver_but_resend", Map.of());
        Browser.Response details = verify(browser, resent, latestCode(email, 2));
        Map<String, String> good = Map.of("newPassword", PASSWORD, "reenterPassword", PASSWORD,
                "displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace");
        Browser.Response weak = browser.submit(details, FORM, "button#continue",
                with(with(good, "newPassword", "weakweakweak"), "reenterPassword", "weakweakweak"));
        assertThat(weak.fieldError("newPassword")).startsWith("The password must have at least 3");
        Browser.Response mismatched = browser.submit(weak, FORM, "button#continue",
                with(good, "reenterPassword", PASSWORD + "x"));
        assertThat(mismatched.fieldError("reenterPassword")).startsWith("The password entry fields do not match.");
        assertThat(usersIn(t)).isZero();

        assertThat(appResponse(browser.submit(mismatched, FORM, "button#continue", good), t.webRedirectUri()))
                .containsKey("code");
        assertThat(usersIn(t)).isEqualTo(1);
    }

    @Test
    void cancelOnTheEmailPageReturnsAccessDenied() {
        Browser browser = browser();
        String state = state();
        assertAccessDenied(cancel(browser, open(browser, t, FLOW, state), FORM), t, state, "AADB2C90091");
    }

    @Test
    void cancelOnTheDetailsPageReturnsAccessDeniedAndCreatesNoAccount() {
        Browser browser = browser();
        String state = state();
        Browser.Response details = proveEmail(browser, open(browser, t, FLOW, state), email, 0);

        assertAccessDenied(cancel(browser, details, FORM), t, state, "AADB2C90091");
        assertThat(usersIn(t)).isZero();
    }
}
