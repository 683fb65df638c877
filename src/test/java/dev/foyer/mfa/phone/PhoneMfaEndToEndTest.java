package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;

/** Helpers for journeys that go through the phone step. */
abstract class PhoneMfaEndToEndTest extends EndToEndTest {

    static final String MFA_FLOW = "B2C_1_susi_mfa";

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
