package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditQuery;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.User;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changing the phone number from the profile editing flow: a code to the current number first,
 * then the new number is proven before it replaces the old one.
 */
class PhoneChangeTests extends PhoneMfaEndToEndTest {

    static final String FLOW = "B2C_1_profile_edit";

    @Autowired
    Accounts accounts;
    @Autowired
    PhoneMethods phoneMethods;

    private TestTenant t;
    private String email;
    private User user;
    private String oldNumber;

    @BeforeEach
    void userWithAPhone() {
        t = newTenant();
        email = uniqueEmail();
        oldNumber = usNumber();
        TenantContext.run(t.tenant(), () -> {
            flows.create("profile_edit", UserFlowType.PROFILE_EDITING, definition(MfaSettings.OFF));
            user = accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD, "Ada Lovelace", "Ada", "Lovelace",
                    Map.of()));
            phoneMethods.attach(user.objectId(), PhoneNumber.ofE164(e164(oldNumber)));
        });
    }

    @Test
    void theOldPhoneIsProvenThenTheNewNumberReplacesIt() throws Exception {
        Browser browser = browser();
        Browser.Response current = changePhone(browser);
        assertThat(current.document().selectFirst("h1").text()).isEqualTo("Change your phone number");

        Browser.Response newNumberPage = proveOldPhone(browser, current);
        assertThat(isEnrollPage(newNumberPage)).as(newNumberPage.body()).isTrue();
        String newNumber = usNumber();
        Browser.Response done = enrollBySms(browser, newNumberPage, newNumber, 0);

        assertThat(idTokenOf(t, FLOW, done).getStringClaim("tfp")).isEqualTo(FLOW);
        assertThat(numbers()).containsExactly(e164(newNumber));
        List<AuditEvent> changes = TenantContext.call(t.tenant(), () -> auditTrail.query(AuditQuery.newest()
                .ofType(AuditEvent.MFA_PHONE_CHANGED)));
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).details().get("from")).isEqualTo(PhoneNumber.ofE164(e164(oldNumber)).masked());
        assertThat(changes.get(0).details().toString()).doesNotContain(oldNumber).doesNotContain(newNumber);
    }

    @Test
    void aWrongCodeForTheOldPhoneRefusesTheChange() {
        Browser browser = browser();
        Browser.Response codePage = browser.submit(changePhone(browser), "form#phoneVerification", "button#sendCode",
                Map.of());
        codeSentTo(e164(oldNumber), 1);

        Browser.Response wrong = enterCode(browser, codePage, "000000");

        assertThat(wrong.fieldError("verificationCode")).isNotEmpty();
        assertThat(isEnrollPage(wrong)).isFalse();
        assertThat(numbers()).containsExactly(e164(oldNumber));
    }

    @Test
    void postingANewNumberBeforeTheOldPhoneIsProvenSendsNothingToIt() {
        Browser browser = browser();
        Browser.Response current = changePhone(browser);
        String newNumber = usNumber();

        Browser.Response forged = forge(browser, current, "changeNumber");
        assertThat(forged.pageError()).isEqualTo("Please verify the code sent to your current phone number first.");
        Browser.Response typed = browser.submit(current, "form#phoneVerification", "button#sendCode",
                Map.of("countryCode", "US", "number", newNumber));

        assertThat(typed.document().getElementById("verificationCode")).as(typed.body()).isNotNull();
        assertThat(phoneMessages(t, e164(newNumber))).isZero();
        assertThat(phoneMessages(t, e164(oldNumber))).isEqualTo(1);
        Browser.Response remove = forge(browser, current, "removePhone");
        assertThat(remove.pageError()).isEqualTo("Please verify the code sent to your current phone number first.");
        assertThat(numbers()).containsExactly(e164(oldNumber));
    }

    @Test
    void cancelAfterTheNewNumberGotItsCodeLeavesTheOldPhoneAttached() {
        Browser browser = browser();
        Browser.Response newNumberPage = proveOldPhone(browser, changePhone(browser));
        String newNumber = usNumber();
        Browser.Response codePage = requestCode(browser, newNumberPage, "US", newNumber, "button#sendCode");
        assertThat(codePage.document().getElementById("verificationCode")).as(codePage.body()).isNotNull();

        Browser.Response cancelled = browser.submit(codePage, "form#phoneVerification", "button#cancel", Map.of());

        assertThat(appResponse(cancelled, t.webRedirectUri())).containsEntry("error", "access_denied");
        assertThat(numbers()).containsExactly(e164(oldNumber));
    }

    @Test
    void removingTheLastPhoneIsRefusedWhileAFlowHasMfaAlwaysOn() {
        Browser browser = browser();
        Browser.Response newNumberPage = proveOldPhone(browser, changePhone(browser));
        assertThat(newNumberPage.document().getElementById("removePhone")).isNotNull();

        Browser.Response refused = browser.submit(newNumberPage, "form#phoneVerification", "button#removePhone",
                Map.of());

        assertThat(refused.pageError()).isEqualTo(PhoneChangeStep.REMOVAL_REFUSED);
        assertThat(numbers()).containsExactly(e164(oldNumber));
    }

    @Test
    void theProvenPhoneCanBeRemovedWhenNoFlowHasMfaAlwaysOn() {
        TenantContext.run(t.tenant(), () -> {
            UserFlow mfa = flows.findByName(MFA_FLOW).orElseThrow();
            flows.update(new UserFlow(mfa.id(), mfa.name(), mfa.type(), mfa.definition().withProperties(
                    mfa.properties().withMfa(MfaSettings.OFF)), mfa.version()), mfa.version());
        });
        Browser browser = browser();
        Browser.Response newNumberPage = proveOldPhone(browser, changePhone(browser));

        Browser.Response done = browser.submit(newNumberPage, "form#phoneVerification", "button#removePhone", Map.of());

        assertThat(appResponse(done, t.webRedirectUri())).containsKey("code");
        assertThat(numbers()).isEmpty();
        assertThat(TenantContext.call(t.tenant(), () -> auditTrail.query(AuditQuery.newest()
                .ofType(AuditEvent.MFA_PHONE_REMOVED)))).hasSize(1);
    }

    @Test
    void aSecondFactorOfTheSessionIsNotEnoughToChangeThePhone() {
        Browser browser = browser();
        Browser.Response mfaSignIn = signIn(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        Browser.Response code = browser.submit(mfaSignIn, "form#phoneVerification", "button#sendCode", Map.of());
        assertThat(appResponse(enterCode(browser, code, codeSentTo(e164(oldNumber), 1)), t.webRedirectUri()))
                .containsKey("code");

        Browser.Response profile = browser.open(authorizeUrl(t, FLOW, Map.of()));
        Browser.Response current = browser.submit(profile, "form#attributeVerification", "button#changePhone", Map.of());

        assertThat(isEnrollPage(current)).isFalse();
        assertThat(current.document().getElementById("maskedNumber")).as(current.body()).isNotNull();
    }

    @Test
    void cancelOnTheChangePageReturnsAccessDenied() {
        Browser browser = browser();
        Browser.Response cancelled = browser.submit(changePhone(browser), "form#phoneVerification", "button#cancel",
                Map.of());

        assertThat(appResponse(cancelled, t.webRedirectUri())).containsEntry("error", "access_denied");
        assertThat(appResponse(cancelled, t.webRedirectUri()).get("error_description")).startsWith("AADB2C90091: ");
    }

    /** Signs in to the profile flow and presses "Change phone number"; returns the current-number page. */
    private Browser.Response changePhone(Browser browser) {
        Browser.Response profile = signIn(browser, browser.open(authorizeUrl(t, FLOW, Map.of())), email, PASSWORD);
        assertThat(profile.document().getElementById("changePhone")).as(profile.body()).isNotNull();
        Browser.Response current = browser.submit(profile, "form#attributeVerification", "button#changePhone", Map.of());
        assertThat(isPhonePage(current)).as(current.body()).isTrue();
        assertThat(isEnrollPage(current)).isFalse();
        return current;
    }

    private Browser.Response proveOldPhone(Browser browser, Browser.Response current) {
        Browser.Response codePage = browser.submit(current, "form#phoneVerification", "button#sendCode", Map.of());
        return enterCode(browser, codePage, codeSentTo(e164(oldNumber), 1));
    }

    /** Posts the page's form with an action its buttons do not offer. */
    private static Browser.Response forge(Browser browser, Browser.Response page, String action) {
        Map<String, String> form = browser.formValues(page, "form#phoneVerification");
        form.put("action", action);
        return browser.follow(browser.post(browser.formAction(page, "form#phoneVerification"), form));
    }

    private List<String> numbers() {
        return TenantContext.call(t.tenant(), () -> phoneMethods.verified(user.objectId()).stream()
                .map(m -> m.number().e164()).toList());
    }
}
