package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phone codes resist guessing and abuse: each refusal has its own clear message and sends nothing
 * further; bad numbers are refused with a reason.
 */
class PhoneCodeAbuseTests extends PhoneMfaEndToEndTest {

    private TestTenant t;
    private Browser browser;
    private Browser.Response enroll;

    @BeforeEach
    void enrollmentPage() {
        t = newTenant();
        browser = browser();
        enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), uniqueEmail(), PASSWORD);
        assertThat(isEnrollPage(enroll)).as(enroll.body()).isTrue();
    }

    @Test
    void wrongCodeFiveTimesKillsTheCodeAndANewCodeWorks() throws Exception {
        String number = usNumber();
        Browser.Response page = requestCode(browser, enroll, "US", number, "button#sendCode");
        String code = codeSentTo(e164(number), 1);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            page = enterCode(browser, page, wrong);
            assertThat(page.fieldError("verificationCode")).isEqualTo("That code is incorrect. Please try again.");
        }
        page = enterCode(browser, page, wrong);
        assertThat(page.fieldError("verificationCode")).contains("no tries left");
        page = enterCode(browser, page, code);
        assertThat(page.fieldError("verificationCode")).isEqualTo("Too many incorrect tries for that code. Send a new code.");
        assertThat(messagesTo(e164(number))).hasSize(1);

        Browser.Response fresh = resend(browser, page, "button#sendCode");
        assertThat(idTokenOf(t, MFA_FLOW, enterCode(browser, fresh, codeSentTo(e164(number), 2)))
                .getStringListClaim("amr")).contains("mfa");
    }

    @Test
    void expiredCodeIsRefusedWithItsOwnMessage() {
        String number = usNumber();
        Browser.Response page = requestCode(browser, enroll, "US", number, "button#sendCode");
        String code = codeSentTo(e164(number), 1);
        expireCodeOf(page);
        Browser.Response refused = enterCode(browser, page, code);
        assertThat(refused.fieldError("verificationCode")).isEqualTo("That code has expired. Send a new code.");
        assertThat(messagesTo(e164(number))).hasSize(1);
    }

    @Test
    void codeOfAnotherJourneyIsRefused() {
        String number = usNumber();
        Browser.Response page = requestCode(browser, enroll, "US", number, "button#sendCode");
        codeSentTo(e164(number), 1);

        Browser other = browser();
        Browser.Response otherEnroll = signUp(other, other.open(authorizeUrl(t, MFA_FLOW, Map.of())), uniqueEmail(),
                PASSWORD);
        Browser.Response otherPage = requestCode(other, otherEnroll, "US", usNumber(), "button#sendCode");
        String otherCode = jdbc.sql("select code from outbox_message where recipient <> ? and channel = 'SMS'"
                        + " and tenant_id = ? order by created_at desc").params(e164(number), t.tenant().id())
                .query(String.class).list().get(0);
        assertThat(otherPage.status()).isEqualTo(200);

        Browser.Response refused = enterCode(browser, page, otherCode);
        assertThat(refused.fieldError("verificationCode")).isEqualTo("That code is incorrect. Please try again.");
    }

    @Test
    void codeReplayedAfterSuccessGetsNothing() throws Exception {
        String number = usNumber();
        Browser.Response page = requestCode(browser, enroll, "US", number, "button#sendCode");
        String code = codeSentTo(e164(number), 1);
        Map<String, String> form = browser.formValues(page, "form#phoneVerification");
        form.put("verificationCode", code);
        form.put("action", "verifyCode");
        String action = browser.formAction(page, "form#phoneVerification");
        idTokenOf(t, MFA_FLOW, browser.follow(browser.post(action, form)));

        Browser.Response replay = browser.follow(browser.post(action, form));
        assertThat(replay.isRedirect() && replay.location().orElse("").startsWith(t.webRedirectUri()))
                .as("no second answer for the app:\n" + replay.body()).isFalse();
        assertThat(replay.status()).as("the finished journey is gone").isEqualTo(404);
        assertThat(replay.pageError()).startsWith("This sign-in page has expired");
    }

    @Test
    void perNumberHourlyCapStopsSendingWithAClearMessage() {
        String number = usNumber();
        Browser.Response page = requestCode(browser, enroll, "US", number, "button#sendCode");
        for (int sent = 2; sent <= 5; sent++) {
            page = resend(browser, page, "button#sendCode");
            assertThat(page.pageError()).isEmpty();
        }
        Browser.Response refused = resend(browser, page, "button#sendCode");
        assertThat(refused.pageError()).startsWith("Too many codes were sent to this number. Try again in");
        assertThat(refused.pageError()).doesNotContain(number.substring(3));
        codeSentTo(e164(number), 5);
        assertThat(messagesTo(e164(number))).hasSize(5);
    }

    @Test
    void perJourneyCapStopsSendingEvenToNewNumbers() {
        tune(t, Map.of("unverifiedNumbersPerIpPerDay", 20));
        Browser.Response page = enroll;
        for (int i = 0; i < 10; i++) {
            page = requestCode(browser, page, "US", usNumber(), "button#sendCode");
            assertThat(page.pageError()).as("code " + (i + 1)).isEmpty();
            page = browser.submit(page, "form#phoneVerification", "button#changeNumber", Map.of());
            letResendWaitPass(page);
        }
        String last = usNumber();
        Browser.Response refused = requestCode(browser, page, "US", last, "button#sendCode");
        assertThat(refused.pageError()).startsWith("You have asked for too many codes.");
        assertThat(messagesTo(e164(last))).isEmpty();
    }

    @Test
    void changingTheNumberBeforeVerifyingAttachesOnlyTheCorrectedNumber() throws Exception {
        String typo = usNumber();
        String right = usNumber();
        Browser.Response page = requestCode(browser, enroll, "US", typo, "button#sendCode");
        Browser.Response back = browser.submit(page, "form#phoneVerification", "button#changeNumber", Map.of());
        assertThat(isEnrollPage(back)).isTrue();
        letResendWaitPass(back);
        idTokenOf(t, MFA_FLOW, enrollBySms(browser, back, right, 0));
        assertThat(jdbc.sql("select phone_number from phone_method where tenant_id = ?").param(t.tenant().id())
                .query(String.class).list()).containsExactly(e164(right));
    }

    @Test
    void impossibleShortPremiumRateAndLandlineForSmsNumbersAreRefusedWithAReason() {
        assertRefused("US", "12", "That phone number is too short.");
        assertRefused("US", "1234567890123456789", "That phone number is too long.");
        assertRefused("US", "2005550123", "That phone number does not exist. Check the country or region and the number.");
        assertRefused("GB", "09061234567", "Premium-rate, toll-free and shared-cost numbers cannot be used."
                + " Please use a mobile or landline number.");
        assertRefused("GB", "02079460018", "That is a landline number, which cannot receive text messages."
                + " Please use a mobile number.");
        assertRefused("US", "", "Please enter your phone number.");
        assertThat(jdbc.sql("select count(*) from outbox_message where tenant_id = ? and channel <> 'EMAIL'")
                .param(t.tenant().id()).query(Integer.class).single()).isZero();

        Browser.Response landlineCall = requestCode(browser, enroll, "GB", "02079460018", "button#callMe");
        assertThat(landlineCall.fieldError("number")).isEmpty();
        assertThat(landlineCall.document().getElementById("maskedNumber").text()).startsWith("+44 ");
    }

    private void assertRefused(String country, String number, String message) {
        Browser.Response refused = requestCode(browser, enroll, country, number, "button#sendCode");
        assertThat(refused.fieldError("number")).as(country + " " + number).isEqualTo(message);
        assertThat(refused.document().getElementById("number")).isNotNull();
    }

    /** Simulates ten minutes passing: moves the expiry of the journey's pending code into the past. */
    private void expireCodeOf(Browser.Response page) {
        changeJourneyState(page, state -> {
            Matcher code = Pattern.compile("(\"phoneFactor\\.code\"\\s*:\\s*\"[^|]*\\|[^|]*\\|)(\\d+)").matcher(state);
            assertThat(code.find()).as(state).isTrue();
            return code.replaceFirst("$1" + (System.currentTimeMillis() - 1000));
        });
    }
}
