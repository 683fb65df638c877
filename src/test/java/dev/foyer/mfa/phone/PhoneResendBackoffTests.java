package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Within one journey, each code waits longer after the last: 30 seconds after the first, then
 * 60, 120... A request before its time sends nothing and says how long to wait. Time passing is
 * simulated by moving the journey's wait into the past, never by sleeping.
 */
class PhoneResendBackoffTests extends PhoneMfaEndToEndTest {

    private static final Pattern WAIT = Pattern.compile("Please wait (\\d+) seconds before asking for another code\\.");

    @Test
    void secondCodeWithinThirtySecondsIsRefusedAndNothingIsSent() {
        TestTenant t = newTenant();
        Browser browser = browser();
        String number = usNumber();
        Browser.Response codePage = requestCode(browser, enrollmentPage(t, browser), "US", number, "button#sendCode");
        assertThat(codePage.document().getElementById("resendInfo").text())
                .matches("You can ask for a new code in \\d+ seconds\\.");
        double counted = refusalsCounted("phone_resend_backoff");

        Browser.Response refused = browser.submit(codePage, "form#phoneVerification", "button#sendCode", Map.of());
        Browser.Response refusedCall = browser.submit(refused, "form#phoneVerification", "button#callMe", Map.of());

        assertThat(secondsToWait(refused)).isBetween(1, 30);
        assertThat(secondsToWait(refusedCall)).as("a call waits too").isBetween(1, 30);
        assertThat(refused.document().getElementById("verificationCode")).as("the code sent still works").isNotNull();
        assertThat(phoneMessages(t, e164(number))).isEqualTo(1);
        assertThat(refusalsIn(t)).hasSize(2).allSatisfy(e -> assertThat(e.details())
                .containsEntry("reason", "phone_resend_backoff"));
        assertThat(refusalsCounted("phone_resend_backoff")).isEqualTo(counted + 2);
    }

    @Test
    void waitDoublesAfterEachCode() {
        TestTenant t = newTenant();
        Browser browser = browser();
        String number = usNumber();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", number, "button#sendCode");

        page = resend(browser, page, "button#sendCode");
        assertThat(page.pageError()).isEmpty();
        Browser.Response refused = browser.submit(page, "form#phoneVerification", "button#sendCode", Map.of());
        assertThat(secondsToWait(refused)).isBetween(31, 60);

        page = resend(browser, refused, "button#sendCode");
        assertThat(page.pageError()).isEmpty();
        refused = browser.submit(page, "form#phoneVerification", "button#sendCode", Map.of());
        assertThat(secondsToWait(refused)).isBetween(61, 120);
        assertThat(phoneMessages(t, e164(number))).isEqualTo(3);
    }

    @Test
    void aTenantsOwnFirstWaitApplies() {
        TestTenant t = newTenant();
        tune(t, Map.of("resendWaitSeconds", 5));
        Browser browser = browser();
        String number = usNumber();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", number, "button#sendCode");

        Browser.Response refused = browser.submit(page, "form#phoneVerification", "button#sendCode", Map.of());

        assertThat(secondsToWait(refused)).isBetween(1, 5);
        page = resend(browser, refused, "button#sendCode");
        refused = browser.submit(page, "form#phoneVerification", "button#sendCode", Map.of());
        assertThat(secondsToWait(refused)).isBetween(1, 10);
        assertThat(phoneMessages(t, e164(number))).isEqualTo(2);
    }

    @Test
    void changingTheNumberDoesNotSkipTheWait() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", usNumber(), "button#sendCode");
        Browser.Response back = browser.submit(page, "form#phoneVerification", "button#changeNumber", Map.of());
        String other = usNumber();

        Browser.Response refused = requestCode(browser, back, "US", other, "button#sendCode");

        assertThat(secondsToWait(refused)).isBetween(1, 30);
        assertThat(refused.document().getElementById("number").val()).as("the number typed is kept")
                .isEqualTo(other);
        assertThat(phoneMessages(t, e164(other))).isZero();
    }

    private static int secondsToWait(Browser.Response page) {
        Matcher wait = WAIT.matcher(page.pageError());
        assertThat(wait.matches()).as(page.pageError()).isTrue();
        return Integer.parseInt(wait.group(1));
    }
}
