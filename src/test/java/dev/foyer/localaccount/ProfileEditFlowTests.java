package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditQuery;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The profile editing flow ({@code B2C_1_profile_edit}): sign-in (or the SSO session), then the
 * flow's attributes prefilled; Continue saves them and the token carries the new values.
 */
class ProfileEditFlowTests extends LocalAccountFlowTest {

    static final String FLOW = "B2C_1_profile_edit";

    @Autowired
    AuditLog auditLog;

    private TestTenant t;
    private String email;
    private User user;

    @BeforeEach
    void tenantWithOneAccount() {
        t = newTenant();
        createFlow(t, "profile_edit", UserFlowType.PROFILE_EDITING, MfaSettings.OFF, false);
        email = uniqueEmail();
        user = existingUser(t, email);
    }

    @Test
    void signedInUserEditsTheDisplayNameAndTheTokenCarriesIt() throws Exception {
        Browser browser = browser();
        Browser.Response profile = signIn(browser, open(browser, t, FLOW, state()), email, PASSWORD);

        assertThat(isProfilePage(profile)).as(profile.body()).isTrue();
        assertThat(profile.document().getElementById("displayName").val()).isEqualTo("Ada Lovelace");
        assertThat(profile.document().getElementById("email").text()).isEqualTo(email);
        assertThat(profile.document().getElementById("changePhone")).as("no phone to change").isNull();
        var claims = idToken(tokensOf(t, FLOW, save(browser, profile, with(current(), "displayName", "Ada King"))));

        assertThat(claims.getStringClaim("name")).isEqualTo("Ada King");
        assertThat(claims.getStringClaim("tfp")).isEqualTo(FLOW);
        assertThat(stored().displayName()).isEqualTo("Ada King");
        List<AuditEvent> updates = TenantContext.call(t.tenant(), () -> auditLog.query(AuditQuery.newest()
                .ofType(AuditEvent.PROFILE_UPDATED)));
        assertThat(updates).hasSize(1);
        assertThat(updates.get(0).subjectUserId()).isEqualTo(user.objectId());
        assertThat(updates.get(0).details().get("changed")).isEqualTo(List.of("displayName"));
        assertThat(updates.get(0).details().toString()).doesNotContain("Ada King");
    }

    @Test
    void anAlreadySignedInBrowserGoesStraightToTheProfilePage() {
        Browser browser = browser();
        assertThat(appResponse(signIn(browser, open(browser, t, "B2C_1_susi", state()), email, PASSWORD),
                t.webRedirectUri())).containsKey("code");

        Browser.Response profile = open(browser, t, FLOW, state());

        assertThat(isProfilePage(profile)).as(profile.body()).isTrue();
        assertThat(profile.document().getElementById("surname").val()).isEqualTo("Lovelace");
    }

    @Test
    void savingUnchangedValuesRecordsNothing() throws Exception {
        Browser browser = browser();
        Browser.Response profile = signIn(browser, open(browser, t, FLOW, state()), email, PASSWORD);

        var claims = idToken(tokensOf(t, FLOW, save(browser, profile, current())));

        assertThat(claims.getStringClaim("name")).isEqualTo("Ada Lovelace");
        assertThat(auditTypes(t, user.objectId())).doesNotContain(AuditEvent.PROFILE_UPDATED);
    }

    @Test
    void anEmptyRequiredAttributeIsRefusedInlineAndNothingIsSaved() {
        Browser browser = browser();
        Browser.Response page = save(browser, signIn(browser, open(browser, t, FLOW, state()), email, PASSWORD),
                Map.of("displayName", "Ada King", "givenName", "", "surname", "King"));

        assertThat(page.fieldError("givenName")).isEqualTo("Please enter your given name.");
        assertThat(page.document().getElementById("displayName").val()).isEqualTo("Ada King");
        assertUnchanged();
    }

    @Test
    void anOverlongValueIsRefusedInlineAndNothingIsSaved() {
        Browser browser = browser();
        Browser.Response page = save(browser, signIn(browser, open(browser, t, FLOW, state()), email, PASSWORD),
                with(current(), "surname", "x".repeat(257)));

        assertThat(page.fieldError("surname")).isEqualTo("Surname can have at most 256 characters.");
        assertUnchanged();
    }

    @Test
    void controlCharactersAreRefusedInlineAndNothingIsSaved() {
        Browser browser = browser();
        Browser.Response page = save(browser, signIn(browser, open(browser, t, FLOW, state()), email, PASSWORD),
                with(current(), "displayName", "Ada\u0007King"));

        assertThat(page.fieldError("displayName")).isEqualTo("Display Name contains characters that are not allowed.");
        assertUnchanged();
    }

    @Test
    void aForgedChangePhoneWithoutAPhoneStaysOnTheProfilePage() {
        Browser browser = browser();
        Browser.Response profile = signIn(browser, open(browser, t, FLOW, state()), email, PASSWORD);
        Map<String, String> form = browser.formValues(profile, FORM);
        form.putAll(with(current(), "action", "changePhone"));
        Browser.Response page = browser.follow(browser.post(browser.formAction(profile, FORM), form));

        assertThat(page.pageError()).isEqualTo("There is no phone number on your account to change.");
        assertThat(isProfilePage(page)).isTrue();
    }

    @Test
    void cancelOnTheProfilePageReturnsAccessDeniedAndSavesNothing() {
        Browser browser = browser();
        String state = state();
        Browser.Response profile = signIn(browser, open(browser, t, FLOW, state), email, PASSWORD);

        assertAccessDenied(browser.submit(profile, FORM, "button#cancel", with(current(), "displayName", "Ada King")),
                t, state, "AADB2C90091");
        assertUnchanged();
    }

    @Test
    void cancelOnTheSignInPageReturnsAccessDenied() {
        Browser browser = browser();
        String state = state();
        assertAccessDenied(cancel(browser, open(browser, t, FLOW, state), "form#localAccountForm"), t, state,
                "AADB2C90091");
    }

    @Test
    void aWrongPasswordNeverReachesTheProfilePage() {
        Browser browser = browser();
        Browser.Response page = signIn(browser, open(browser, t, FLOW, state()), email, "Wrong-Horse-42");

        assertThat(page.pageError()).isEqualTo("The email address or password is incorrect.");
        assertThat(isProfilePage(page)).isFalse();
    }

    static boolean isProfilePage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst(FORM + " #displayName") != null
                && page.document().getElementById("newPassword") == null;
    }

    private static Map<String, String> current() {
        return Map.of("displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace");
    }

    private Browser.Response save(Browser browser, Browser.Response profile, Map<String, String> values) {
        return browser.submit(profile, FORM, "button#continue", values);
    }

    private User stored() {
        return TenantContext.call(t.tenant(), () -> accounts.find(user.objectId()).orElseThrow());
    }

    private void assertUnchanged() {
        User now = stored();
        assertThat(List.of(now.displayName(), now.givenName(), now.surname()))
                .containsExactly("Ada Lovelace", "Ada", "Lovelace");
        assertThat(auditTypes(t, user.objectId())).doesNotContain(AuditEvent.PROFILE_UPDATED);
    }
}
