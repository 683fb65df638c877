package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.audit.AuditActor;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditQuery;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the hosted pages and phone administration leave in the tenant's audit log, and what they never do. */
class AuditTrailTests extends PhoneMfaEndToEndTest {

    private static final String WRONG_PASSWORD = "Wrong-Horse-41";

    @Autowired
    AuditLog auditLog;
    @Autowired
    PhoneMethodAdministration phoneAdministration;
    @Autowired
    PhoneMethods phoneMethods;

    @Test
    void signUpWithPhoneThenWrongPasswordThenSignInRecordExactlyTheirEventsInOrder() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String number = usNumber();
        Browser first = browser();
        Browser.Response enroll = signUp(first, first.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        idTokenOf(t, MFA_FLOW, enrollBySms(first, enroll, number, 0));
        Browser second = browser();
        Browser.Response signInPage = second.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Browser.Response refused = signIn(second, signInPage, "  " + email + " ", WRONG_PASSWORD);
        idTokenOf(t, "B2C_1_susi", signIn(second, refused, email, PASSWORD));

        List<AuditEvent> events = oldestFirst(t);

        assertThat(events).extracting(AuditEvent::type).containsExactly(
                "email.codeSent", "email.codeVerified", "signUp.succeeded",
                "mfa.codeSent", "mfa.codeVerified", "mfa.enrolled",
                "signIn.failed", "signIn.succeeded");
        UUID user = events.get(2).subjectUserId();
        assertThat(user).isNotNull();
        assertThat(events).allSatisfy(e -> assertThat(e.tenantId()).isEqualTo(t.tenant().id()));
        assertThat(events).allSatisfy(e -> assertThat(e.details()).containsKey("ip"));
        assertThat(events.subList(0, 2)).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("anonymous");
            assertThat(e.target()).isEqualTo(email);
        });
        assertThat(events.subList(2, 6)).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(AuditActor.user(user));
            assertThat(e.subjectUserId()).isEqualTo(user);
        });
        String masked = "+1 XXX-XXX-" + number.substring(6);
        assertThat(events.subList(3, 6)).extracting(AuditEvent::target).containsOnly(masked);
        assertThat(events.get(3).details()).containsEntry("channel", "sms");
        AuditEvent failed = events.get(6);
        assertThat(failed.actor()).isEqualTo("anonymous");
        assertThat(failed.subjectUserId()).isNull();
        assertThat(failed.target()).isEqualTo(email);
        assertThat(failed.details()).containsEntry("reason", "wrongCredentials");
        assertThat(events.get(7).actor()).isEqualTo(AuditActor.user(user));
        assertThat(events.get(7).target()).isEqualTo(email);

        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD, number, e164(number)));
        messagesTo(email).forEach(m -> secrets.add(m.get("code").asString()));
        messagesTo(e164(number)).forEach(m -> secrets.add(m.get("code").asString()));
        assertThat(secrets).hasSize(6);
        for (AuditEvent event : events) {
            String recorded = json.writeValueAsString(event.details()) + " " + event.target();
            assertThat(secrets).as(event.type() + ": " + recorded).noneMatch(recorded::contains);
        }
    }

    @Test
    void wrongPhoneCodeIsRecordedAsFailedWithItsReasonAndChannel() {
        TestTenant t = newTenant();
        String number = usNumber();
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), uniqueEmail(),
                PASSWORD);
        Browser.Response codePage = requestCode(browser, enroll, "US", number, "button#callMe");
        String code = codeSentTo(e164(number), 1);
        enterCode(browser, codePage, code.equals("000000") ? "111111" : "000000");

        AuditEvent failed = TenantContext.call(t.tenant(),
                () -> auditLog.query(AuditQuery.newest().ofType(AuditEvent.MFA_CODE_FAILED))).get(0);
        assertThat(failed.details()).containsEntry("reason", "wrong").containsEntry("channel", "tel");
        assertThat(failed.target()).isEqualTo("+1 XXX-XXX-" + number.substring(6));
        assertThat(json.writeValueAsString(failed.details())).doesNotContain(code);
    }

    @Test
    void wrongEmailCodeIsRecordedAsFailedWithItsReason() {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        Browser browser = browser();
        Browser.Response signInPage = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Browser.Response emailPage = browser.submit(signInPage, "form#localAccountForm", "button#createAccount",
                Map.of());
        Browser.Response codePage = browser.submit(emailPage, "form#attributeVerification",
                "button#email_ver_but_send", Map.of("email", email));
        String code = latestCode(email, 1);
        browser.submit(codePage, "form#attributeVerification", "button#email_ver_but_verify",
                Map.of("code", code.equals("000000") ? "111111" : "000000"));

        List<AuditEvent> events = oldestFirst(t);
        assertThat(events).extracting(AuditEvent::type).containsExactly("email.codeSent", "email.codeFailed");
        assertThat(events.get(1).details()).containsEntry("reason", "wrong");
        assertThat(events.get(1).target()).isEqualTo(email);
    }

    @Test
    void removingAPhoneRecordsPhoneRemovedWithTheMaskedNumberAndTheActor() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String number = usNumber();
        Browser browser = browser();
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        idTokenOf(t, MFA_FLOW, enrollBySms(browser, enroll, number, 0));
        UUID user = TenantContext.call(t.tenant(),
                () -> auditLog.query(AuditQuery.newest().ofType(AuditEvent.MFA_ENROLLED))).get(0).subjectUserId();
        PhoneMethod method = TenantContext.call(t.tenant(), () -> phoneMethods.verified(user)).get(0);
        UUID admin = UUID.randomUUID();

        boolean removed = TenantContext.call(t.tenant(),
                () -> phoneAdministration.remove(user, method.id(), AuditActor.admin(admin)));
        boolean removedAgain = TenantContext.call(t.tenant(),
                () -> phoneAdministration.remove(user, method.id(), AuditActor.admin(admin)));

        assertThat(removed).isTrue();
        assertThat(removedAgain).as("nothing left to remove").isFalse();
        assertThat(phoneMethodsOf(email)).isZero();
        List<AuditEvent> removals = TenantContext.call(t.tenant(),
                () -> auditLog.query(AuditQuery.newest().forUser(user).ofType(AuditEvent.MFA_PHONE_REMOVED)));
        assertThat(removals).hasSize(1);
        AuditEvent removal = removals.get(0);
        assertThat(removal.actor()).isEqualTo("admin:" + admin);
        assertThat(removal.target()).isEqualTo("+1 XXX-XXX-" + number.substring(6));
        assertThat(removal.details()).containsEntry("methodId", method.id().toString());
        assertThat(TenantContext.call(t.tenant(), () -> auditLog.query(AuditQuery.newest().limitedTo(1))))
                .extracting(AuditEvent::type).containsExactly("mfa.phoneRemoved");
    }

    private List<AuditEvent> oldestFirst(TestTenant t) {
        List<AuditEvent> newestFirst = TenantContext.call(t.tenant(), () -> auditLog.query(AuditQuery.newest()));
        List<AuditEvent> events = new ArrayList<>(newestFirst);
        Collections.reverse(events);
        return events;
    }
}
