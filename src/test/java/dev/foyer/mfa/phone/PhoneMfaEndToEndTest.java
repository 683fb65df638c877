package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditQuery;
import dev.foyer.security.OpaqueTokens;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Helpers for journeys that go through the phone step. */
abstract class PhoneMfaEndToEndTest extends EndToEndTest {

    static final String MFA_FLOW = "B2C_1_susi_mfa";

    @Autowired
    TenantSettings tenantSettings;
    @Autowired
    AuditLog auditTrail;
    @Autowired
    MeterRegistry meters;

    /** A valid US number (Redmond, WA area code) unique enough that per-number caps never collide. */
    static String usNumber() {
        return dev.foyer.testing.TestPhoneNumbers.usNational();
    }

    static String e164(String usNumber) {
        return "+1" + usNumber;
    }

    static boolean isPhonePage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst("form#phoneVerification") != null;
    }

    static boolean isEnrollPage(Browser.Response page) {
        return isPhonePage(page) && page.document().getElementById("number") != null;
    }

    /** Messages the dev outbox holds for {@code to} (an email or E.164 number), newest first. */
    List<JsonNode> messagesTo(String to) {
        return outbox(URLEncoder.encode(to, StandardCharsets.UTF_8));
    }

    String codeSentTo(String to, int expectedMessages) {
        return latestCode(URLEncoder.encode(to, StandardCharsets.UTF_8), expectedMessages);
    }

    /** On the enrollment page: types the number and presses Send Code (or Call Me). */
    Browser.Response requestCode(Browser browser, Browser.Response page, String country, String number, String button) {
        return browser.submit(page, "form#phoneVerification", button, Map.of("countryCode", country, "number", number));
    }

    Browser.Response enterCode(Browser browser, Browser.Response page, String code) {
        return browser.submit(page, "form#phoneVerification", "button#verifyCode", Map.of("verificationCode", code));
    }

    /** Enrolls {@code number} by SMS from the enrollment page; returns what follows the phone step. */
    Browser.Response enrollBySms(Browser browser, Browser.Response page, String number, int messagesBefore) {
        Browser.Response codePage = requestCode(browser, page, "US", number, "button#sendCode");
        assertThat(codePage.document().getElementById("verificationCode")).as(codePage.body()).isNotNull();
        return enterCode(browser, codePage, codeSentTo(e164(number), messagesBefore + 1));
    }

    /** Redeems the code of a redirect to the web app at {@code flow}'s token endpoint; returns the ID token's claims. */
    JWTClaimsSet idTokenOf(TestTenant t, String flow, Browser.Response redirect) throws Exception {
        Map<String, String> response = appResponse(redirect, t.webRedirectUri());
        assertThat(response).as("app response").containsKey("code");
        Browser.Response tokens = token(t, flow, Map.of("grant_type", "authorization_code", "code", response.get("code"),
                "redirect_uri", t.webRedirectUri()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return SignedJWT.parse(jsonOf(tokens).get("id_token").asString()).getJWTClaimsSet();
    }

    /** A new user's phone enrollment page in tenant {@code t}, after signing up in {@code browser}. */
    Browser.Response enrollmentPage(TestTenant t, Browser browser) {
        Browser.Response enroll = signUp(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), uniqueEmail(),
                PASSWORD);
        assertThat(isEnrollPage(enroll)).as(enroll.body()).isTrue();
        return enroll;
    }

    /** The tenant's {@code mfa.code.refused} events, newest first. */
    List<AuditEvent> refusalsIn(TestTenant t) {
        return TenantContext.call(t.tenant(), () -> auditTrail.query(AuditQuery.newest()
                .ofType(AuditEvent.MFA_CODE_REFUSED)));
    }

    /** {@code foyer.rate_limit.refusals{limit}} so far (the server is shared: compare before and after). */
    double refusalsCounted(String limit) {
        Counter counter = meters.find("foyer.rate_limit.refusals").tag("limit", limit).counter();
        return counter == null ? 0 : counter.count();
    }

    /** {@code foyer.mfa.challenges{method, outcome}} so far. */
    double challengesCounted(String method, String outcome) {
        Counter counter = meters.find("foyer.mfa.challenges").tag("method", method).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Gives tenant {@code t} its own phone code limits (field names of {@link PhoneCodeLimits}). */
    void tune(TestTenant t, Map<String, Object> limits) {
        TenantContext.run(t.tenant(), () -> tenantSettings.put(PhoneCodeLimits.SETTING, limits));
    }

    /**
     * Lets the wait before the journey's next code pass, as if the time had gone by: moves the
     * moment it ends, held in the journey's state, into the past.
     */
    void letResendWaitPass(Browser.Response page) {
        changeJourneyState(page, state -> {
            Matcher after = Pattern.compile("(\"phoneFactor\\.resendAfter\"\\s*:\\s*\")(\\d+)").matcher(state);
            assertThat(after.find()).as(state).isTrue();
            return after.replaceFirst("$1" + (System.currentTimeMillis() - 1000));
        });
    }

    /** On a code page: lets the wait pass and presses {@code button} ("button#sendCode" or "button#callMe"). */
    Browser.Response resend(Browser browser, Browser.Response page, String button) {
        letResendWaitPass(page);
        return browser.submit(page, "form#phoneVerification", button, Map.of());
    }

    /** Rewrites the stored state of the journey whose page this is. */
    void changeJourneyState(Browser.Response page, UnaryOperator<String> change) {
        String path = page.uri().getPath();
        String idHash = OpaqueTokens.hash(path.substring(path.lastIndexOf('/') + 1));
        String state = jdbc.sql("select state from journey where id_hash = ?").param(idHash).query(String.class).single();
        jdbc.sql("update journey set state = ? where id_hash = ?").params(change.apply(state), idHash).update();
    }

    /** SMS and voice messages the tenant's journeys put in the outbox for {@code e164}. */
    int phoneMessages(TestTenant t, String e164) {
        return jdbc.sql("select count(*) from outbox_message where tenant_id = ? and recipient = ? and channel <> 'EMAIL'")
                .params(t.tenant().id(), e164).query(Integer.class).single();
    }

    int phoneMethodsOf(String email) {
        return jdbc.sql("""
                select count(*) from phone_method p join user_identity i on i.object_id = p.object_id
                where i.issuer_assigned_id = ?""").param(email).query(Integer.class).single();
    }

    int accountsWith(String email) {
        return jdbc.sql("select count(*) from user_identity where issuer_assigned_id = ?").param(email)
                .query(Integer.class).single();
    }
}
