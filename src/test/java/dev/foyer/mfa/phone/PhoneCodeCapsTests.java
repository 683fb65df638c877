package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.audit.AuditEvent;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The caps shared by every journey, each with its default and with a tenant's own value: codes per
 * number per day, per client address per hour, per tenant per hour and per day, and the numbers
 * one address may enroll without verifying them. A refused request sends nothing, says when to try
 * again and is audited. Defaults too large to reach by hand start from a window that already
 * holds the codes sent earlier in it.
 */
class PhoneCodeCapsTests extends PhoneMfaEndToEndTest {

    private static final String TO_NUMBER = "Too many codes were sent to this number. Try again in ";
    private static final String FROM_NETWORK = "Too many codes were requested from your network. Try again in ";
    private static final String FOR_SERVICE = "Too many codes were requested. Try again in ";

    @Test
    void perNumberDailyCapDefaultsToTen() {
        TestTenant t = newTenant();
        tune(t, Map.of("perNumberPerHour", 50));
        String number = usNumber();
        alreadyCounted("phone-number-day:" + t.tenant().id() + ":" + e164(number), Duration.ofDays(1), 9);
        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", number, "button#sendCode");
        assertThat(page.pageError()).as("the tenth today").isEmpty();

        Browser.Response refused = resend(browser, page, "button#sendCode");

        assertRefused(t, refused, TO_NUMBER, "phone_number_day");
        assertThat(phoneMessages(t, e164(number))).isEqualTo(1);
    }

    @Test
    void perNumberDailyCapOfATenant() {
        TestTenant t = newTenant();
        tune(t, Map.of("perNumberPerDay", 2));
        String number = usNumber();
        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", number, "button#sendCode");
        page = resend(browser, page, "button#sendCode");
        assertThat(page.pageError()).isEmpty();

        Browser other = browser();
        Browser.Response refused = requestCode(other, enrollmentPage(t, other), "US", number, "button#sendCode");

        assertRefused(t, refused, TO_NUMBER, "phone_number_day");
        assertThat(refused.document().getElementById("number").val()).isEqualTo(number);
        assertThat(phoneMessages(t, e164(number))).isEqualTo(2);
    }

    @Test
    void perAddressHourlyCapDefaultsToTwenty() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response enroll = enrollmentPage(t, browser);
        Browser.Response page = requestCode(browser, enroll, "US", usNumber(), "button#sendCode");
        String ip = (String) lastEvent(t, AuditEvent.MFA_CODE_SENT).details().get("ip");
        alreadyCounted("phone-ip:" + t.tenant().id() + ":" + ip, Duration.ofHours(1), 19, 1);

        Browser.Response refused = resend(browser, page, "button#sendCode");

        assertRefused(t, refused, FROM_NETWORK, "phone_ip");
    }

    @Test
    void perAddressHourlyCapOfATenant() {
        TestTenant t = newTenant();
        tune(t, Map.of("perIpPerHour", 2));
        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", usNumber(), "button#sendCode");
        page = resend(browser, page, "button#sendCode");
        assertThat(page.pageError()).isEmpty();

        Browser other = browser();
        String number = usNumber();
        Browser.Response refused = requestCode(other, enrollmentPage(t, other), "US", number, "button#sendCode");

        assertRefused(t, refused, FROM_NETWORK, "phone_ip");
        assertThat(phoneMessages(t, e164(number))).isZero();
    }

    @Test
    void perTenantHourlyCapDefaultsToAThousand() {
        TestTenant t = newTenant();
        alreadyCounted("phone-tenant-hour:" + t.tenant().id(), Duration.ofHours(1), 999);
        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", usNumber(), "button#sendCode");
        assertThat(page.pageError()).isEmpty();

        Browser other = browser();
        String number = usNumber();
        Browser.Response refused = requestCode(other, enrollmentPage(t, other), "US", number, "button#sendCode");

        assertRefused(t, refused, FOR_SERVICE, "phone_tenant_hour");
        assertThat(phoneMessages(t, e164(number))).isZero();
    }

    @Test
    void perTenantHourlyCapOfATenantCountsEveryNumberAndAddress() {
        TestTenant t = newTenant();
        tune(t, Map.of("perTenantPerHour", 2));
        for (int i = 0; i < 2; i++) {
            Browser browser = browser();
            assertThat(requestCode(browser, enrollmentPage(t, browser), "US", usNumber(), "button#sendCode")
                    .pageError()).isEmpty();
        }
        Browser third = browser();
        String number = usNumber();

        Browser.Response refused = requestCode(third, enrollmentPage(t, third), "US", number, "button#callMe");

        assertRefused(t, refused, FOR_SERVICE, "phone_tenant_hour");
        assertThat(lastEvent(t, AuditEvent.MFA_CODE_REFUSED).details()).containsEntry("channel", "tel");
        assertThat(phoneMessages(t, e164(number))).isZero();
        Browser elsewhere = browser();
        TestTenant otherTenant = newTenant();
        assertThat(requestCode(elsewhere, enrollmentPage(otherTenant, elsewhere), "US", usNumber(), "button#sendCode")
                .pageError()).as("another tenant's allowance").isEmpty();
    }

    @Test
    void perTenantDailyCapDefaultsToTenThousand() {
        TestTenant t = newTenant();
        alreadyCounted("phone-tenant-day:" + t.tenant().id(), Duration.ofDays(1), 9_999);
        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", usNumber(), "button#sendCode");
        assertThat(page.pageError()).isEmpty();

        Browser.Response refused = resend(browser, page, "button#sendCode");

        assertRefused(t, refused, FOR_SERVICE, "phone_tenant_day");
    }

    @Test
    void perTenantDailyCapOfATenant() {
        TestTenant t = newTenant();
        tune(t, Map.of("perTenantPerDay", 1));
        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollmentPage(t, browser), "US", usNumber(), "button#sendCode");
        assertThat(page.pageError()).isEmpty();

        Browser.Response refused = resend(browser, page, "button#sendCode");

        assertRefused(t, refused, FOR_SERVICE, "phone_tenant_day");
        assertThat(refused.pageError()).matches(".* \\d+ (minutes|hours)\\.");
    }

    @Test
    void oneAddressMayEnrollFiveNumbersItNeverVerifies() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response page = enrollmentPage(t, browser);
        String first = usNumber();
        for (int i = 0; i < 5; i++) {
            page = requestCode(browser, page, "US", i == 0 ? first : usNumber(), "button#sendCode");
            assertThat(page.pageError()).as("number " + (i + 1)).isEmpty();
            page = browser.submit(page, "form#phoneVerification", "button#changeNumber", Map.of());
            letResendWaitPass(page);
        }
        String sixth = usNumber();

        Browser.Response refused = requestCode(browser, page, "US", sixth, "button#sendCode");

        assertRefused(t, refused, "Codes were sent to too many new numbers from your network. Verify one of them,"
                + " or try again in ", "phone_ip_unverified");
        assertThat(phoneMessages(t, e164(sixth))).isZero();
        Browser.Response again = requestCode(browser, refused, "US", first, "button#sendCode");
        assertThat(again.pageError()).as("a number already counted").isEmpty();
    }

    @Test
    void numbersVerifiedNoLongerCountAgainstTheAddress() throws Exception {
        TestTenant t = newTenant();
        tune(t, Map.of("unverifiedNumbersPerIpPerDay", 2));
        Browser first = browser();
        String verified = usNumber();
        idTokenOf(t, MFA_FLOW, enrollBySms(first, enrollmentPage(t, first), verified, 0));

        Browser second = browser();
        Browser.Response page = enrollmentPage(t, second);
        for (int i = 0; i < 2; i++) {
            page = requestCode(second, page, "US", usNumber(), "button#sendCode");
            assertThat(page.pageError()).as("unverified number " + (i + 1)).isEmpty();
            page = second.submit(page, "form#phoneVerification", "button#changeNumber", Map.of());
            letResendWaitPass(page);
        }
        String third = usNumber();

        Browser.Response refused = requestCode(second, page, "US", third, "button#sendCode");

        assertRefused(t, refused, "Codes were sent to too many new numbers", "phone_ip_unverified");
        assertThat(phoneMessages(t, e164(third))).isZero();
    }

    private void assertRefused(TestTenant t, Browser.Response refused, String messageStart, String limit) {
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.pageError()).startsWith(messageStart);
        AuditEvent event = lastEvent(t, AuditEvent.MFA_CODE_REFUSED);
        assertThat(event.details()).containsEntry("reason", limit).containsKeys("channel", "ip");
        assertThat(event.target()).matches("\\+1 XXX-XXX-\\d{4}");
        assertThat(refusalsIn(t)).hasSize(1);
    }

    private AuditEvent lastEvent(TestTenant t, String type) {
        return dev.foyer.tenant.TenantContext.call(t.tenant(), () -> auditTrail.query(
                dev.foyer.audit.AuditQuery.newest().ofType(type))).get(0);
    }

    /** As if {@code hits} codes had gone through {@code bucket} earlier in the current window (and the next, should it turn). */
    private void alreadyCounted(String bucket, Duration window, int hits) {
        alreadyCounted(bucket, window, hits, 0);
    }

    private void alreadyCounted(String bucket, Duration window, int hits, int sentInThisTest) {
        long size = window.toMillis();
        long current = Instant.now().toEpochMilli() / size * size;
        for (long start : new long[] {current, current + size}) {
            OffsetDateTime windowStart = OffsetDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC);
            int updated = jdbc.sql("update rate_limit_window set hits = ? where bucket = ? and window_start = ?")
                    .params(hits + sentInThisTest, bucket, windowStart).update();
            if (updated == 0) {
                jdbc.sql("insert into rate_limit_window (bucket, window_start, hits) values (?, ?, ?)")
                        .params(bucket, windowStart, hits + sentInThisTest).update();
            }
        }
    }
}
