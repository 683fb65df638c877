package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.lockout.LockoutSettings;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal's user page shows a sign-in lockout and ends it with "Unlock" (a form with the CSRF token). */
class UserLockoutPageTests extends PortalTest {

    private String email;
    private UUID objectId;

    @BeforeEach
    void userInALowThresholdTenant() {
        email = uniqueEmail();
        TenantContext.run(t.tenant(), () -> {
            settings.put(LockoutSettings.SETTING, new LockoutSettings(3, 300, 3600, null, null));
            objectId = accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD, "Locked Out", null, null,
                    Map.of())).objectId();
        });
    }

    @Test
    void userPageWhenNotLockedThenSaysSoWithoutAnUnlockButton() {
        Browser.Response page = page(userPath());

        assertThat(text(page, "lockout")).isEqualTo("Not locked");
        assertThat(page.document().getElementById("unlockForm")).isNull();
    }

    @Test
    void unlockWhenLockedThenEndsTheLockoutAndRecordsTheAdministrator() {
        lockOut();
        Browser.Response page = page(userPath());
        assertThat(text(page, "lockout")).startsWith("Locked until ");

        Browser.Response unlocked = admin.submit(page, "form#unlockForm", "button#unlock", Map.of());

        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(unlocked.document().getElementById("unlocked")).isNotNull();
        assertThat(text(unlocked, "lockout")).isEqualTo("Not locked");
        assertThat(unlocked.document().getElementById("unlockForm")).isNull();
        Browser browser = browser();
        assertThat(appResponse(signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi", Map.of())), email, PASSWORD),
                t.webRedirectUri())).containsKey("code");
        List<String> actors = jdbc.sql("select actor from audit_event where tenant_id = ? and event_type = ?")
                .params(t.tenant().id(), "signIn.unlocked").query(String.class).list();
        assertThat(actors).singleElement().asString().startsWith("admin:");
    }

    @Test
    void unlockWithoutTheCsrfTokenIsForbiddenAndChangesNothing() {
        lockOut();
        Browser.Response page = page(userPath());
        Map<String, String> noCsrf = admin.formValues(page, "form#unlockForm");
        noCsrf.remove("csrf_token");

        assertThat(admin.post(admin.formAction(page, "form#unlockForm"), noCsrf).status()).isEqualTo(403);

        assertThat(text(page(userPath()), "lockout")).startsWith("Locked until ");
    }

    private void lockOut() {
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        for (int i = 1; i <= 3; i++) {
            page = signIn(browser, page, email, "Wrong-Horse-" + i);
        }
        assertThat(page.pageError()).startsWith("Your account is temporarily locked");
    }

    private String userPath() {
        return tenantPath() + "/users/" + objectId;
    }
}
