package dev.foyer.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestPhoneNumbers;
import dev.foyer.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What Foyer makes of text that looks like something else. An email address is compared as
 * typed (trimmed, lower-cased), never folded across scripts: a Cyrillic "а" or full-width letters
 * name another mailbox, so they can never open {@code admin@example.com}. Digits are read by
 * value wherever only digits make sense: a one-time code or a phone number typed with full-width
 * or Arabic-Indic digits (as an input method may produce) is accepted as its ASCII digits.
 * Markup and template expressions typed as a name are kept as text, never run.
 */
class LookAlikeInputTests extends EndToEndTest {

    private static final String ADMIN = "admin@example.com";

    @Autowired
    private Accounts accounts;

    private TestTenant t;

    @BeforeEach
    void tenantWithAdmin() {
        t = newTenant();
        TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(ADMIN), PASSWORD,
                "Admin", "Ad", "Min", Map.of())));
    }

    @Test
    void signInWithACyrillicLookAlikeOfAnExistingEmailGetsTheGenericErrorAndNoSession() {
        for (String lookAlike : new String[] {HostileValues.CYRILLIC_ADMIN,
                "\uFF41\uFF44\uFF4D\uFF49\uFF4E@example.com", "ad\u200Bmin@example.com", "admin@ex\u0430mple.com"}) {
            Browser browser = browser();
            Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
            TableSnapshot before = TableSnapshot.of(jdbc, t.tenant().id(), TableSnapshot.USER_DATA);
            Browser.Response answer = signIn(browser, page, lookAlike, PASSWORD);
            assertThat(answer.status()).as(lookAlike).isEqualTo(200);
            assertThat(answer.isRedirect()).isFalse();
            assertThat(answer.pageError() + answer.fieldError("signInName")).as(lookAlike)
                    .isIn("The email address or password is incorrect.", "Please enter a valid email address.");
            assertThat(TableSnapshot.of(jdbc, t.tenant().id(), TableSnapshot.USER_DATA)).as(lookAlike)
                    .isEqualTo(before);
        }
        Browser browser = browser();
        Browser.Response signedIn = signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), ADMIN,
                PASSWORD);
        assertThat(appResponse(signedIn, t.webRedirectUri())).as("the real address still works").containsKey("code");
    }

    @Test
    void emailCodeTypedInFullWidthOrArabicIndicDigitsIsAccepted() {
        for (boolean fullWidth : new boolean[] {true, false}) {
            Browser browser = browser();
            String email = uniqueEmail();
            Browser.Response emailPage = browser.submit(browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())),
                    "form#localAccountForm", "button#createAccount", Map.of());
            Browser.Response codePage = browser.submit(emailPage, "form#attributeVerification",
                    "button#email_ver_but_send", Map.of("email", email));
            String typed = otherScript(latestCode(email, 1), fullWidth ? 0xFF10 : 0x0660);
            Browser.Response details = browser.submit(codePage, "form#attributeVerification",
                    "button#email_ver_but_verify", Map.of("code", typed));
            assertThat(details.document().getElementById("newPassword")).as(details.body()).isNotNull();
        }
    }

    @Test
    void phoneNumberAndCodeTypedInFullWidthDigitsAreReadAsTheirDigits() {
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())),
                uniqueEmail(), PASSWORD);
        String number = TestPhoneNumbers.usNational();
        Browser.Response codePage = browser.submit(enroll, "form#phoneVerification", "button#sendCode",
                Map.of("countryCode", "US", "number", otherScript(number, 0xFF10)));
        assertThat(codePage.document().getElementById("verificationCode")).as(codePage.body()).isNotNull();
        String code = latestCode(URLEncoder.encode("+1" + number, StandardCharsets.UTF_8), 1);
        Browser.Response done = browser.submit(codePage, "form#phoneVerification", "button#verifyCode",
                Map.of("verificationCode", otherScript(code, 0x0660)));
        assertThat(appResponse(done, t.webRedirectUri())).containsKey("code");
        assertThat(jdbc.sql("select phone_number from phone_method where tenant_id = ?").param(t.tenant().id())
                .query(String.class).list()).containsExactly("+1" + number);
    }

    @Test
    void markupAndTemplateExpressionsTypedAsANameAreStoredAndShownAsText() throws Exception {
        Browser browser = browser();
        String email = uniqueEmail();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Browser.Response emailPage = browser.submit(page, "form#localAccountForm", "button#createAccount", Map.of());
        Browser.Response codePage = browser.submit(emailPage, "form#attributeVerification",
                "button#email_ver_but_send", Map.of("email", email));
        Browser.Response details = browser.submit(codePage, "form#attributeVerification",
                "button#email_ver_but_verify", Map.of("code", latestCode(email, 1)));
        String name = "<script>alert(1)</script>${7*7}[[${7*7}]]";
        Browser.Response refused = browser.submit(details, "form#attributeVerification", "button#continue", Map.of(
                "newPassword", PASSWORD, "reenterPassword", "Other-Horse-43", "displayName", name,
                "givenName", "#{7*7}", "surname", "\"><img src=x onerror=alert(1)>"));
        assertThat(refused.body()).doesNotContain("<script>alert(1)</script>").doesNotContain("<img src=x")
                .doesNotContain(">49<");
        assertThat(refused.document().getElementById("displayName").val()).isEqualTo(name);

        Map<String, String> answer = appResponse(browser.submit(refused, "form#attributeVerification",
                "button#continue", Map.of("newPassword", PASSWORD, "reenterPassword", PASSWORD)), t.webRedirectUri());
        Browser.Response tokens = token(t, "B2C_1_susi", Map.of("grant_type", "authorization_code",
                "code", answer.get("code"), "redirect_uri", t.webRedirectUri()));
        JWTClaimsSet id = SignedJWT.parse(jsonOf(tokens).get("id_token").asString()).getJWTClaimsSet();
        assertThat(id.getStringClaim("name")).isEqualTo(name);
        assertThat(id.getStringClaim("given_name")).isEqualTo("#{7*7}");
    }

    /** {@code digits} written with the decimal digits of the script whose zero is {@code zero}. */
    private static String otherScript(String digits, int zero) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.appendCodePoint(zero + (c - '0')));
        return out.toString();
    }
}
