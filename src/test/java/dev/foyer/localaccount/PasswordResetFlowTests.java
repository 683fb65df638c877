package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.directory.User;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The password reset flow ({@code B2C_1_password_reset}): the email proven by a code, then a new
 * password under the flow's policy. The reset replaces the hash, ends every SSO session and revokes
 * every refresh token of the user, tells them by email, and signs them in with what they proved.
 */
class PasswordResetFlowTests extends LocalAccountFlowTest {

    static final String FLOW = "B2C_1_password_reset";

    private TestTenant t;
    private String email;
    private User user;

    @BeforeEach
    void tenantWithOneAccount() {
        t = newTenant();
        createFlow(t, "password_reset", UserFlowType.PASSWORD_RESET, MfaSettings.OFF, false);
        email = uniqueEmail();
        user = existingUser(t, email);
    }

    @Test
    void resetWithTheEmailCodeSetsTheNewPasswordAndSignsInWithTheEmailAsProof() throws Exception {
        Browser browser = browser();
        Browser.Response emailPage = open(browser, t, FLOW, state());
        assertThat(isEmailPage(emailPage)).as(emailPage.body()).isTrue();
        assertThat(emailPage.document().selectFirst("h1").text()).isEqualTo("Reset your password");
        assertThat(emailPage.document().getElementById("password")).as("no sign-in form").isNull();
        String oldHash = passwordHashOf(user.objectId());

        Browser.Response passwordPage = proveEmail(browser, emailPage, email, 0);
        assertThat(isNewPasswordPage(passwordPage)).as(passwordPage.body()).isTrue();
        assertThat(passwordPage.document().getElementById("email").text()).isEqualTo(email);
        assertThat(passwordPage.document().getElementById("passwordRules").text()).contains("8 to 64 characters");

        JsonNode tokens = tokensOf(t, FLOW, newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD));
        JWTClaimsSet claims = idToken(tokens);
        assertThat(claims.getSubject()).isEqualTo(user.objectId().toString());
        assertThat(claims.getStringListClaim("amr")).containsExactly("email");
        assertThat(claims.getStringClaim("tfp")).isEqualTo(FLOW);
        assertThat(claims.getClaim("newUser")).isNull();
        assertThat(claims.getDateClaim("auth_time")).isNotNull();

        assertThat(passwordHashOf(user.objectId())).isNotEqualTo(oldHash).startsWith("$argon2id$");
        assertThat(passwordSignsIn(t, email, PASSWORD)).as("the old password").isFalse();
        assertThat(passwordSignsIn(t, email, NEW_PASSWORD)).as("the new password").isTrue();
        assertThat(auditTypes(t, user.objectId())).contains("password.reset");
        assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and event_type = ? and target = ?")
                .params(t.tenant().id(), "password.resetRequested", email).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void resetEndsTheLockoutOfTheAddress() {
        for (int i = 0; i < 10; i++) {
            assertThat(passwordSignsIn(t, email, "Wrong-Horse-" + i)).isFalse();
        }
        assertThat(passwordSignsIn(t, email, PASSWORD)).as("locked out, even with the right password").isFalse();

        Browser browser = browser();
        Browser.Response passwordPage = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);
        tokensOf(t, FLOW, newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD));

        assertThat(passwordSignsIn(t, email, NEW_PASSWORD)).as("the reset ended the lockout").isTrue();
    }

    @Test
    void resetSendsAPasswordChangedEmailWithoutAnySecret() {
        Browser browser = browser();
        Browser.Response passwordPage = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);
        String code = latestCode(email, 1);
        appResponse(newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD), t.webRedirectUri());

        List<JsonNode> messages = messagesTo(email);
        assertThat(messages).hasSize(2);
        JsonNode changed = messages.get(0);
        assertThat(changed.get("subject").asString()).isEqualTo("Your " + t.tenant().displayName()
                + " password was changed");
        assertThat(changed.get("body").asString()).contains(email).contains("was changed")
                .doesNotContain(NEW_PASSWORD).doesNotContain(PASSWORD).doesNotContain(code);
        assertThat(changed.get("code") == null || changed.get("code").isNull()).as("no code in it").isTrue();
    }

    @Test
    void resetRevokesEveryRefreshTokenAndEndsEverySsoSessionOfTheUser() {
        Browser signedIn = browser();
        JsonNode before = tokensOf(t, "B2C_1_susi",
                signIn(signedIn, signedIn.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD));
        String refreshToken = before.get("refresh_token").asString();
        Browser.Response silent = signedIn.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        assertThat(appResponse(silent, t.webRedirectUri())).as("signed in silently before").containsKey("code");
        Browser.Response stillFine = token(t, "B2C_1_susi", Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
        assertThat(stillFine.status()).as(stillFine.body()).isEqualTo(200);
        String rotated = jsonOf(stillFine).get("refresh_token").asString();

        Browser other = browser();
        Browser.Response passwordPage = proveEmail(other, open(other, t, FLOW, state()), email, 0);
        appResponse(newPassword(other, passwordPage, NEW_PASSWORD, NEW_PASSWORD), t.webRedirectUri());

        Browser.Response refused = token(t, "B2C_1_susi", Map.of("grant_type", "refresh_token",
                "refresh_token", rotated));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(jsonOf(refused).get("error").asString()).isEqualTo("invalid_grant");
        Browser.Response page = signedIn.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        assertThat(page.status()).as("the old SSO cookie no longer signs in").isEqualTo(200);
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        assertThat(jdbc.sql("select count(*) from oauth_grant where object_id = ? and revoked_at is null")
                .param(user.objectId()).query(Integer.class).single())
                .as("only the grant of the reset's own sign-in is live").isEqualTo(1);
    }

    @Test
    void afterTheResetTheBrowserIsSignedInForTheOtherFlowsOfTheTenant() {
        Browser browser = browser();
        Browser.Response passwordPage = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);
        appResponse(newPassword(browser, passwordPage, NEW_PASSWORD, NEW_PASSWORD), t.webRedirectUri());

        Browser.Response silent = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));

        assertThat(appResponse(silent, t.webRedirectUri())).containsKey("code");
    }

    @Test
    void unknownEmailGetsTheSamePagesAsAKnownOneAndNothingIsSent() {
        String unknown = uniqueEmail();
        Browser knownBrowser = browser();
        Browser unknownBrowser = browser();
        Browser.Response knownCodePage = sendCode(knownBrowser, open(knownBrowser, t, FLOW, "state-x"), email);
        Browser.Response unknownCodePage = sendCode(unknownBrowser, open(unknownBrowser, t, FLOW, "state-x"), unknown);

        assertThat(unknownCodePage.status()).isEqualTo(knownCodePage.status()).isEqualTo(200);
        assertThat(normalised(unknownCodePage, unknown)).isEqualTo(normalised(knownCodePage, email));
        assertThat(unknownCodePage.document().getElementById("email_info").text()).contains(unknown);

        String knownCode = latestCode(email, 1);
        Browser.Response knownWrong = verify(knownBrowser, knownCodePage, knownCode.equals("000000") ? "111111" : "000000");
        Browser.Response unknownWrong = verify(unknownBrowser, unknownCodePage, knownCode);
        assertThat(unknownWrong.status()).isEqualTo(knownWrong.status()).isEqualTo(200);
        assertThat(unknownWrong.fieldError("code")).isEqualTo(knownWrong.fieldError("code"))
                .isEqualTo("That code is incorrect. Please try again.");
        assertThat(normalised(unknownWrong, unknown)).isEqualTo(normalised(knownWrong, email));

        Browser.Response knownResent = knownBrowser.submit(knownWrong, FORM, "button#email_ver_but_resend", Map.of());
        Browser.Response unknownResent = unknownBrowser.submit(unknownWrong, FORM, "button#email_ver_but_resend",
                Map.of());
        assertThat(normalised(unknownResent, unknown)).isEqualTo(normalised(knownResent, email));

        assertThat(messagesTo(unknown)).as("nothing sent to an address without an account").isEmpty();
        assertThat(usersIn(t)).as("no account made").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where tenant_id = ? and event_type = ? and target = ?")
                .params(t.tenant().id(), "password.resetRequested", unknown).query(Integer.class).single())
                .isEqualTo(2);
    }

    @Test
    void unknownEmailCannotGetPastTheCodeWhateverIsTyped() {
        String unknown = uniqueEmail();
        Browser browser = browser();
        Browser.Response page = sendCode(browser, open(browser, t, FLOW, state()), unknown);
        for (int i = 0; i < 5; i++) {
            page = verify(browser, page, String.format("%06d", i));
            assertThat(page.fieldError("code")).isNotEmpty();
            assertThat(isNewPasswordPage(page)).isFalse();
        }
        assertThat(verify(browser, page, "123456").fieldError("code"))
                .isEqualTo("Too many incorrect tries for that code. Send a new code.");
    }

    @Test
    void disabledAccountIsTreatedLikeAnUnknownEmail() {
        TenantContext.run(t.tenant(), () -> jdbc.sql("update directory_user set enabled = false where object_id = ?")
                .param(user.objectId()).update());
        Browser browser = browser();
        Browser.Response codePage = sendCode(browser, open(browser, t, FLOW, state()), email);

        assertThat(codePage.document().getElementById("email_info")).as(codePage.body()).isNotNull();
        assertThat(messagesTo(email)).isEmpty();
    }

    @Test
    void emptyAndMalformedEmailsGetFieldErrorsAndSendNothing() {
        Browser browser = browser();
        Browser.Response empty = sendCode(browser, open(browser, t, FLOW, state()), "");
        assertThat(empty.fieldError("email")).isEqualTo("Please enter your email address.");
        Browser.Response malformed = sendCode(browser, empty, "ada@");
        assertThat(malformed.fieldError("email")).isEqualTo("Please enter a valid email address.");
        Browser.Response huge = sendCode(browser, malformed, "a".repeat(10_000) + "@example.com");
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.fieldError("email")).isEqualTo("Please enter a valid email address.");
        assertThat(huge.document().getElementById("email_info")).isNull();

        assertThat(isNewPasswordPage(proveEmail(browser, huge, email, 0))).as("the same page goes on").isTrue();
    }

    @Test
    void wrongAndExpiredCodesAreRefusedAndChangeNothing() {
        Browser browser = browser();
        Browser.Response codePage = sendCode(browser, open(browser, t, FLOW, state()), email);
        String code = latestCode(email, 1);
        Browser.Response wrong = verify(browser, codePage, code.equals("000000") ? "111111" : "000000");
        assertThat(wrong.fieldError("code")).isEqualTo("That code is incorrect. Please try again.");
        Browser.Response empty = verify(browser, wrong, "");
        assertThat(empty.fieldError("code")).isEqualTo("Please enter the verification code.");

        expireEmailCodeOf(empty);
        Browser.Response expired = verify(browser, empty, code);
        assertThat(expired.fieldError("code")).isEqualTo("That code has expired. Send a new code.");
        assertThat(isNewPasswordPage(expired)).isFalse();
        assertThat(passwordSignsIn(t, email, PASSWORD)).isTrue();

        Browser.Response resent = browser.submit(expired, FORM, "button#email_ver_but_resend", Map.of());
        assertThat(isNewPasswordPage(verify(browser, resent, latestCode(email, 2)))).isTrue();
    }

    @Test
    void weakOrMismatchedNewPasswordsAreRefusedAndTheOldPasswordStays() {
        Browser browser = browser();
        Browser.Response page = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);
        String hash = passwordHashOf(user.objectId());

        Browser.Response weak = newPassword(browser, page, "passwordpassword", "passwordpassword");
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.fieldError("newPassword")).isEqualTo("The password must have at least 3 of the following:"
                + " a lowercase letter, an uppercase letter, a digit, a symbol.");
        Browser.Response shortOne = newPassword(browser, weak, "Ab1!", "Ab1!");
        assertThat(shortOne.fieldError("newPassword")).isEqualTo("The password must be between 8 and 64 characters.");
        Browser.Response mismatched = newPassword(browser, shortOne, NEW_PASSWORD, NEW_PASSWORD + "x");
        assertThat(mismatched.fieldError("reenterPassword")).startsWith("The password entry fields do not match.");
        assertThat(mismatched.document().getElementById("newPassword").val()).isEmpty();

        assertThat(passwordHashOf(user.objectId())).isEqualTo(hash);
        assertThat(messagesTo(email)).as("no password-changed email").hasSize(1);
        assertThat(appResponse(newPassword(browser, mismatched, NEW_PASSWORD, NEW_PASSWORD), t.webRedirectUri()))
                .containsKey("code");
    }

    @Test
    void simplePolicyOfTheFlowAppliesToTheNewPassword() {
        TenantContext.run(t.tenant(), () -> {
            var flow = flows.findByName(FLOW).orElseThrow();
            var p = flow.properties();
            flows.update(new dev.foyer.userflow.UserFlow(flow.id(), flow.name(), flow.type(),
                    flow.definition().withProperties(new dev.foyer.userflow.UserFlowProperties(p.mfa(),
                            p.tokenLifetimes(), p.tokenCompatibility(), p.session(), "simple")), flow.version()),
                    flow.version());
        });
        Browser browser = browser();
        Browser.Response page = proveEmail(browser, open(browser, t, FLOW, state()), email, 0);

        assertThat(appResponse(newPassword(browser, page, "passwordpassword", "passwordpassword"),
                t.webRedirectUri())).containsKey("code");
        assertThat(passwordSignsIn(t, email, "passwordpassword")).isTrue();
    }

    @Test
    void cancelOnTheEmailPageReturnsAccessDenied() {
        Browser browser = browser();
        String state = state();
        assertAccessDenied(cancel(browser, open(browser, t, FLOW, state), FORM), t, state, "AADB2C90091");
    }

    @Test
    void cancelOnTheCodePageReturnsAccessDenied() {
        Browser browser = browser();
        String state = state();
        Browser.Response codePage = sendCode(browser, open(browser, t, FLOW, state), email);
        assertAccessDenied(cancel(browser, codePage, FORM), t, state, "AADB2C90091");
    }

    @Test
    void cancelOnTheNewPasswordPageReturnsAccessDeniedAndTheOldPasswordStays() {
        Browser browser = browser();
        String state = state();
        Browser.Response page = proveEmail(browser, open(browser, t, FLOW, state), email, 0);

        assertAccessDenied(cancel(browser, page, FORM), t, state, "AADB2C90091");
        assertThat(passwordSignsIn(t, email, PASSWORD)).isTrue();
    }

    /** The page with what legitimately differs (the address typed, ids and tokens) taken out. */
    private static String normalised(Browser.Response page, String typedEmail) {
        return page.body().replace(typedEmail, "EMAIL")
                .replaceAll("name=\"csrf_token\" value=\"[^\"]*\"", "CSRF")
                .replaceAll("/journey/[A-Za-z0-9_-]+", "/journey/ID");
    }
}
