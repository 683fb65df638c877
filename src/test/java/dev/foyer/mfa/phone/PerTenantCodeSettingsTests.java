package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.security.CodePolicies;
import dev.foyer.security.CodePolicy;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One tenant tightens its code rules; another tenant on the same server keeps the defaults. */
class PerTenantCodeSettingsTests extends PhoneMfaEndToEndTest {

    @Autowired
    TenantSettings settings;

    @Test
    void aTenantsOwnCodeRulesApplyToItsJourneysOnly() {
        TestTenant strict = newTenant();
        TenantContext.run(strict.tenant(), () -> {
            settings.put(CodePolicies.SETTING, new CodePolicy(Duration.ofMinutes(3), 2, 10));
            settings.put(PhoneCodeLimits.SETTING, Map.of("perNumberPerHour", 2, "perIpPerHour", 20));
        });
        TestTenant relaxed = newTenant();

        Browser browser = browser();
        Browser.Response page = requestCode(browser, enrollment(strict, browser), "US", usNumber(), "button#sendCode");
        assertThat(page.pageError()).isEmpty();
        page = enterCode(browser, page, "000000");
        page = enterCode(browser, page, "000000");
        assertThat(page.fieldError("verificationCode")).as("2 tries in this tenant").contains("no tries left");
        page = resend(browser, page, "button#sendCode");
        assertThat(page.pageError()).isEmpty();
        page = resend(browser, page, "button#sendCode");
        assertThat(page.pageError()).as("2 codes per number per hour in this tenant")
                .startsWith("Too many codes were sent to this number.");

        Browser other = browser();
        Browser.Response otherPage = requestCode(other, enrollment(relaxed, other), "US", usNumber(), "button#sendCode");
        otherPage = enterCode(other, otherPage, "000000");
        otherPage = enterCode(other, otherPage, "000000");
        assertThat(otherPage.fieldError("verificationCode")).isEqualTo("That code is incorrect. Please try again.");
        otherPage = resend(other, otherPage, "button#sendCode");
        otherPage = resend(other, otherPage, "button#sendCode");
        assertThat(otherPage.pageError()).as("defaults elsewhere").isEmpty();
    }

    private Browser.Response enrollment(TestTenant t, Browser browser) {
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), uniqueEmail(),
                PASSWORD);
        assertThat(isEnrollPage(enroll)).as(enroll.body()).isTrue();
        return enroll;
    }
}
