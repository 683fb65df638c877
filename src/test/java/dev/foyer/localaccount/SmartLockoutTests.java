package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.Accounts;
import dev.foyer.directory.Argon2idPasswordHasher;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.UserRepository;
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
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Smart lockout through the hosted sign-in page: ten wrong passwords lock the sign-in name (even the
 * right password is then refused, without being checked), each lockout after the first is longer, the same wrong password
 * counts once, a success starts over, and a locked unknown address looks exactly like a locked
 * account.
 */
class SmartLockoutTests extends EndToEndTest {

    private static final String LOCKED =
            "Your account is temporarily locked to prevent unauthorized use. Try again later.";
    private static final String WRONG = "The email address or password is incorrect.";

    @Autowired
    Accounts accounts;
    @Autowired
    TenantSettings settings;
    @Autowired
    SignInLockout lockout;
    @Autowired
    MeterRegistry meters;
    @Autowired
    UserRepository users;

    private TestTenant t;
    private String email;
    private UUID objectId;

    @BeforeEach
    void tenantWithOneAccount() {
        t = newTenant();
        email = uniqueEmail();
        objectId = TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                "Ada Lovelace", "Ada", "Lovelace", Map.of())).objectId());
    }

    @Test
    void tenWrongPasswordsLockTheAccountAndTheRightPasswordIsRefusedWhileLocked() {
        double lockoutsBefore = count("foyer.lockouts");
        double refusedBefore = count("foyer.sign_ins", "outcome", "locked_out");
        Browser browser = browser();
        Browser.Response page = signInPage(browser);
        for (int i = 1; i <= 9; i++) {
            page = signIn(browser, page, email, "Wrong-Horse-" + i);
            assertThat(page.pageError()).as("wrong password " + i).isEqualTo(WRONG);
        }

        Browser.Response tenth = signIn(browser, page, email, "Wrong-Horse-10");
        Browser.Response right = signIn(browser, tenth, email, PASSWORD);

        assertThat(tenth.status()).isEqualTo(200);
        assertThat(tenth.pageError()).isEqualTo(LOCKED);
        assertThat(right.isRedirect()).as("no sign-in while locked").isFalse();
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.pageError()).isEqualTo(LOCKED);
        assertThat(events("signIn.lockedOut")).containsExactly(objectId.toString());
        assertThat(events("signIn.refusedLocked")).hasSize(1);
        assertThat(eventDetails("signIn.refusedLocked")).doesNotContain(PASSWORD);
        assertThat(count("foyer.lockouts") - lockoutsBefore).isEqualTo(1);
        assertThat(count("foyer.sign_ins", "outcome", "locked_out") - refusedBefore).isEqualTo(1);
    }

    @Test
    void whileLockedTheRightPasswordIsNotEvenChecked() {
        tune(new LockoutSettings(3, 3600, 3600, null, null));
        // A hash made with weaker parameters is upgraded whenever the right password is checked.
        String weak = new Argon2idPasswordHasher(512, 1, 1, 16, 32).hash(PASSWORD);
        TenantContext.run(t.tenant(), () -> users.updatePasswordHash(objectId, weak));
        Browser browser = browser();
        Browser.Response page = signInPage(browser);
        for (int i = 1; i <= 3; i++) {
            page = signIn(browser, page, email, "Wrong-Horse-" + i);
        }

        Browser.Response refused = signIn(browser, page, email, PASSWORD);

        assertThat(refused.pageError()).isEqualTo(LOCKED);
        assertThat(storedHash()).as("not checked, so not upgraded").isEqualTo(weak);
        TenantContext.run(t.tenant(), () -> lockout.reset(EmailAddress.parse(email)));
        assertThat(appResponse(signIn(browser, refused, email, PASSWORD), t.webRedirectUri())).containsKey("code");
        assertThat(storedHash()).as("checked once unlocked, and upgraded").isNotEqualTo(weak);
    }

    @Test
    void tunedThresholdOfThreeLocksAfterThreeWrongPasswords() {
        tune(new LockoutSettings(3, 300, 3600, null, null));
        Browser browser = browser();
        Browser.Response first = signIn(browser, signInPage(browser), email, "Wrong-Horse-1");
        Browser.Response second = signIn(browser, first, email, "Wrong-Horse-2");
        Browser.Response third = signIn(browser, second, email, "Wrong-Horse-3");

        assertThat(List.of(first.pageError(), second.pageError(), third.pageError()))
                .containsExactly(WRONG, WRONG, LOCKED);
        assertThat(signIn(browser, third, email, PASSWORD).pageError()).isEqualTo(LOCKED);
        assertThat(TenantContext.call(t.tenant(), () -> lockout.lockedUntil(EmailAddress.parse(email)))).isPresent();
    }

    @Test
    void whenALockoutEndsTheRightPasswordSignsInAndTheNextLockoutIsTwiceAsLong() {
        tune(new LockoutSettings(3, 1, 60, null, null));
        Browser browser = browser();
        Browser.Response page = signInPage(browser);
        for (int i = 1; i <= 3; i++) {
            page = signIn(browser, page, email, "Wrong-Horse-" + i);
        }
        assertThat(page.pageError()).isEqualTo(LOCKED);
        awaitUnlocked();

        Browser.Response again = signIn(browser, page, email, "Wrong-Horse-4");

        assertThat(again.pageError()).as("one more wrong password after the lockout").isEqualTo(LOCKED);
        assertThat(storedLockout()).as("the second lockout, in seconds").isEqualTo(2);
        awaitUnlocked();
        Map<String, String> response = appResponse(signIn(browser, again, email, PASSWORD), t.webRedirectUri());
        assertThat(response).containsKey("code");
        assertThat(rows()).as("a success forgets the failures").isZero();
    }

    @Test
    void resetOfTheSignInNameEndsTheLockoutAsAPasswordResetWould() {
        tune(new LockoutSettings(3, 3600, 3600, null, null));
        Browser browser = browser();
        Browser.Response page = signInPage(browser);
        for (int i = 1; i <= 3; i++) {
            page = signIn(browser, page, email, "Wrong-Horse-" + i);
        }
        assertThat(page.pageError()).isEqualTo(LOCKED);

        TenantContext.run(t.tenant(), () -> lockout.reset(EmailAddress.parse(email.toUpperCase())));

        assertThat(appResponse(signIn(browser, page, email, PASSWORD), t.webRedirectUri())).containsKey("code");
    }

    @Test
    void theSameWrongPasswordTwentyTimesDoesNotLock() {
        Browser browser = browser();
        Browser.Response page = signInPage(browser);
        for (int i = 0; i < 20; i++) {
            page = signIn(browser, page, email, "Same-Wrong-Horse");
            assertThat(page.pageError()).as("attempt " + (i + 1)).isEqualTo(WRONG);
        }

        assertThat(appResponse(signIn(browser, page, email, PASSWORD), t.webRedirectUri())).containsKey("code");
    }

    @Test
    void aSuccessfulSignInStartsTheCountOver() {
        Browser browser = browser();
        Browser.Response page = signInPage(browser);
        for (int i = 1; i <= 9; i++) {
            page = signIn(browser, page, email, "Wrong-Horse-" + i);
        }
        assertThat(appResponse(signIn(browser, page, email, PASSWORD), t.webRedirectUri())).containsKey("code");

        Browser later = browser();
        page = signInPage(later);
        for (int i = 10; i <= 18; i++) {
            page = signIn(later, page, email, "Wrong-Horse-" + i);
            assertThat(page.pageError()).as("wrong password " + i).isEqualTo(WRONG);
        }
        assertThat(appResponse(signIn(later, page, email, PASSWORD), t.webRedirectUri())).containsKey("code");
    }

    @Test
    void aLockedUnknownAddressGetsExactlyTheSamePageAsALockedAccount() {
        tune(new LockoutSettings(3, 300, 3600, null, null));
        String unknown = uniqueEmail();
        List<Browser.Response> known = lockAndTryAgain(email);
        List<Browser.Response> stranger = lockAndTryAgain(unknown);

        for (int i = 0; i < known.size(); i++) {
            assertThat(stranger.get(i).status()).isEqualTo(known.get(i).status());
            assertThat(stranger.get(i).pageError()).isEqualTo(known.get(i).pageError()).isEqualTo(LOCKED);
            assertThat(withoutVaryingParts(stranger.get(i).body(), unknown))
                    .as("the whole page, apart from the address typed and the journey's ids")
                    .isEqualTo(withoutVaryingParts(known.get(i).body(), email));
        }
        assertThat(events("signIn.lockedOut")).as("the account's lockout names it, the unknown one nobody")
                .containsExactlyInAnyOrder(objectId.toString(), null);
    }

    @Test
    void twentyParallelWrongPasswordsAreEachCountedOrRefusedAndLockOnce() throws Exception {
        int attempts = 20;
        List<Browser> browsers = new ArrayList<>();
        List<Browser.Response> pages = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Browser browser = browser();
            browsers.add(browser);
            pages.add(signInPage(browser));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            List<Future<Browser.Response>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return signIn(browsers.get(n), pages.get(n), email, "Wrong-Horse-" + n);
                }));
            }
            start.countDown();
            for (Future<Browser.Response> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS).pageError()).isIn(WRONG, LOCKED);
            }
        } finally {
            pool.shutdownNow();
        }

        // Attempts that arrive after the lockout began are refused unchecked; every checked one counts.
        int counted = jdbc.sql("select failures from sign_in_lockout where tenant_id = ? and sign_in_name = ?")
                .params(t.tenant().id(), email).query(Integer.class).single();
        assertThat(counted).isEqualTo(events("signIn.failed").size()).isGreaterThanOrEqualTo(10);
        assertThat(counted + events("signIn.refusedLocked").size()).isEqualTo(attempts);
        assertThat(events("signIn.lockedOut")).hasSize(1);
    }

    private List<Browser.Response> lockAndTryAgain(String address) {
        Browser browser = browser();
        Browser.Response page = signInPage(browser);
        page = signIn(browser, page, address, "Wrong-Horse-1");
        page = signIn(browser, page, address, "Wrong-Horse-2");
        Browser.Response locking = signIn(browser, page, address, "Wrong-Horse-3");
        Browser.Response refused = signIn(browser, locking, address, PASSWORD);
        return List.of(locking, refused);
    }

    private void tune(LockoutSettings tuned) {
        TenantContext.run(t.tenant(), () -> settings.put(LockoutSettings.SETTING, tuned));
    }

    private void awaitUnlocked() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                TenantContext.call(t.tenant(), () -> lockout.lockedUntil(EmailAddress.parse(email)).isEmpty()));
    }

    /** The length of the stored lockout: from the failure that began it to its end. */
    private long storedLockout() {
        return jdbc.sql("select locked_until, last_failure_at from sign_in_lockout where tenant_id = ?"
                        + " and sign_in_name = ?")
                .params(t.tenant().id(), email)
                .query((rs, n) -> Duration.between(
                        rs.getObject("last_failure_at", java.time.OffsetDateTime.class),
                        rs.getObject("locked_until", java.time.OffsetDateTime.class)).toSeconds())
                .single();
    }

    private String storedHash() {
        return TenantContext.call(t.tenant(), () -> users.passwordHash(objectId).orElseThrow());
    }

    private int rows() {
        return jdbc.sql("select count(*) from sign_in_lockout where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    private Browser.Response signInPage(Browser browser) {
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        return page;
    }

    /** The subjects of the tenant's events of {@code type}. */
    private List<String> events(String type) {
        return jdbc.sql("select subject_user_id from audit_event where tenant_id = ? and event_type = ?")
                .params(t.tenant().id(), type)
                .query((rs, n) -> rs.getString("subject_user_id")).list();
    }

    private String eventDetails(String type) {
        return String.join("\n", jdbc.sql("select details from audit_event where tenant_id = ? and event_type = ?")
                .params(t.tenant().id(), type).query(String.class).list());
    }

    private double count(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private static String withoutVaryingParts(String body, String typedEmail) {
        return body.replace(typedEmail, "EMAIL")
                .replaceAll("name=\"csrf_token\" value=\"[^\"]*\"", "CSRF")
                .replaceAll("/journey/[A-Za-z0-9_-]+", "/journey/ID");
    }
}
