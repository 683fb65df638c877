package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.lockout.LockoutSettings;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Password spraying: one wrong password on each of many accounts from one client address. After 30
 * failed sign-ins in 10 minutes (or the tenant's own numbers) that address is refused before any
 * password is checked, even with a right one; successful sign-ins do not count, and other addresses
 * are not affected.
 */
class PasswordSprayingTests extends EndToEndTest {

    private static final String WRONG = "The email address or password is incorrect.";
    private static final Pattern THROTTLED =
            Pattern.compile("Too many failed sign-ins from your network\\. Try again in \\d+ minutes?\\.");

    @Autowired
    Accounts accounts;
    @Autowired
    TenantSettings settings;
    @Autowired
    SignInLockout lockout;
    @Autowired
    MeterRegistry meters;

    /** One spraying run in a fresh tenant: its accounts and the page error of each attempt. */
    record Spray(TestTenant tenant, List<String> emails, List<String> errors, Browser browser, Browser.Response last) {
    }

    @Test
    void thirtyFailedSignInsFromOneAddressAcrossFiftyAccountsThrottleIt() {
        double refusalsBefore = count("foyer.rate_limit.refusals", "limit", "sign_in_ip");
        double throttledBefore = count("foyer.sign_ins", "outcome", "throttled");

        Spray spray = withinOneWindow(Duration.ofMinutes(10), tenant -> spray(tenant, 50));

        assertThat(spray.errors().subList(0, 30)).containsOnly(WRONG);
        assertThat(spray.errors().subList(30, 50)).allMatch(error -> THROTTLED.matcher(error).matches());
        Browser.Response right = signIn(spray.browser(), spray.last(), spray.emails().get(0), PASSWORD);
        assertThat(right.isRedirect()).as("a right password from a throttled address").isFalse();
        assertThat(right.pageError()).matches(THROTTLED);
        assertThat(TenantContext.call(spray.tenant().tenant(), () -> lockout.refusal(
                EmailAddress.parse(spray.emails().get(0)), "203.0.113.7"))).as("another address").isEmpty();
        assertThat(events(spray.tenant(), "signIn.throttled")).isEqualTo(21);
        assertThat(events(spray.tenant(), "signIn.failed")).as("no password checked once throttled").isEqualTo(30);
        assertThat(events(spray.tenant(), "signIn.lockedOut")).as("one failure per account locks none").isZero();
        assertThat(count("foyer.rate_limit.refusals", "limit", "sign_in_ip") - refusalsBefore).isEqualTo(21);
        assertThat(count("foyer.sign_ins", "outcome", "throttled") - throttledBefore).isEqualTo(21);
    }

    @Test
    void aTenantsOwnLimitThrottlesAfterItsFailuresAndSuccessesDoNotCount() {
        Spray spray = withinOneWindow(Duration.ofHours(1), tenant -> {
            TenantContext.run(tenant.tenant(), () -> settings.put(LockoutSettings.SETTING,
                    new LockoutSettings(null, null, null, 5, 3600)));
            List<String> emails = createAccounts(tenant, 8);
            for (int i = 0; i < 8; i++) {
                Browser browser = browser();
                assertThat(appResponse(signIn(browser, signInPage(browser, tenant), emails.get(i), PASSWORD),
                        tenant.webRedirectUri())).containsKey("code");
            }
            return sprayAt(tenant, emails);
        });

        assertThat(spray.errors().subList(0, 5)).containsOnly(WRONG);
        assertThat(spray.errors().subList(5, 8)).allMatch(error -> THROTTLED.matcher(error).matches());
        assertThat(signIn(spray.browser(), spray.last(), spray.emails().get(0), PASSWORD).pageError())
                .matches(THROTTLED);
    }

    /**
     * Runs {@code run} in a fresh tenant; again (once) if it straddled the edge of a rate-limit
     * window, where the count starts over.
     */
    private Spray withinOneWindow(Duration window, Function<TestTenant, Spray> run) {
        for (int attempt = 1; ; attempt++) {
            long before = System.currentTimeMillis() / window.toMillis();
            Spray spray = run.apply(newTenant());
            if (attempt == 2 || System.currentTimeMillis() / window.toMillis() == before) {
                return spray;
            }
        }
    }

    private Spray spray(TestTenant tenant, int accounts) {
        return sprayAt(tenant, createAccounts(tenant, accounts));
    }

    /** One wrong password on each account, from one browser (one address), on one sign-in page. */
    private Spray sprayAt(TestTenant tenant, List<String> emails) {
        Browser browser = browser();
        Browser.Response page = signInPage(browser, tenant);
        List<String> errors = new ArrayList<>();
        for (String email : emails) {
            page = signIn(browser, page, email, "Spring-2026!");
            assertThat(page.status()).isEqualTo(200);
            errors.add(page.pageError());
        }
        return new Spray(tenant, emails, errors, browser, page);
    }

    private List<String> createAccounts(TestTenant tenant, int count) {
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String email = uniqueEmail();
            TenantContext.run(tenant.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                    "Sprayed", null, null, Map.of())));
            emails.add(email);
        }
        return emails;
    }

    private Browser.Response signInPage(Browser browser, TestTenant tenant) {
        Browser.Response page = browser.open(authorizeUrl(tenant, "B2C_1_susi", Map.of()));
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        return page;
    }

    private int events(TestTenant tenant, String type) {
        return jdbc.sql("select count(*) from audit_event where tenant_id = ? and event_type = ?")
                .params(tenant.tenant().id(), type).query(Integer.class).single();
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
