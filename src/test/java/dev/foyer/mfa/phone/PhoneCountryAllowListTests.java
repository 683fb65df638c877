package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.audit.AuditEvent;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Codes go only to numbers in the tenant's countries, judged from the number itself: the form
 * offers only those, a number elsewhere is refused next to the field and nothing is sent.
 */
class PhoneCountryAllowListTests extends PhoneMfaEndToEndTest {

    private static final String NIGERIAN_MOBILE = "+2348021234567";
    private static final String UK_MOBILE = "+447400123456";

    @Test
    void enrollmentFormWhenDefaultsThenOffersTheShortListWithUnitedStatesChosen() {
        TestTenant t = newTenant();
        Browser browser = browser();

        Browser.Response enroll = enrollmentPage(t, browser);

        assertThat(offered(enroll)).containsExactlyInAnyOrderElementsOf(PhoneCodeLimits.DEFAULT_COUNTRIES);
        assertThat(enroll.document().selectFirst("#countryCode option[selected]").val()).isEqualTo("US");
    }

    @Test
    void numberOutsideTheDefaultListIsRefusedInlineAndNothingIsSent() {
        TestTenant t = newTenant();
        Browser browser = browser();
        double counted = refusalsCounted("phone_country");
        double refusedSms = challengesCounted("sms", "refused");

        Browser.Response refused = requestCode(browser, enrollmentPage(t, browser), "US", NIGERIAN_MOBILE,
                "button#sendCode");

        assertThat(refused.fieldError("number")).isEqualTo("Codes cannot be sent to phone numbers in Nigeria."
                + " Please use a number from one of the countries or regions listed.");
        assertThat(isEnrollPage(refused)).isTrue();
        assertThat(phoneMessages(t, NIGERIAN_MOBILE)).isZero();
        AuditEvent event = refusalsIn(t).get(0);
        assertThat(event.target()).isEqualTo("+234 XXXX-XXX-4567");
        assertThat(event.details()).containsEntry("reason", "phone_country").containsEntry("channel", "sms")
                .containsKey("ip");
        assertThat(refusalsCounted("phone_country")).isEqualTo(counted + 1);
        assertThat(challengesCounted("sms", "refused")).isEqualTo(refusedSms + 1);
    }

    @Test
    void numberInAListedCountryOtherThanTheUsIsAccepted() {
        TestTenant t = newTenant();
        Browser browser = browser();

        Browser.Response codePage = requestCode(browser, enrollmentPage(t, browser), "GB", "07400 123456",
                "button#sendCode");

        assertThat(codePage.pageError()).isEmpty();
        assertThat(codePage.document().getElementById("maskedNumber").text()).startsWith("+44 ");
        assertThat(phoneMessages(t, UK_MOBILE)).isEqualTo(1);
    }

    @Test
    void regionIsJudgedFromTheNumberNotFromTheCountryChosen() {
        TestTenant t = newTenant();
        tune(t, Map.of("allowedCountries", List.of("US")));
        Browser browser = browser();
        Browser.Response enroll = enrollmentPage(t, browser);
        assertThat(offered(enroll)).containsExactly("US");

        Browser.Response refused = requestCode(browser, enroll, "US", UK_MOBILE, "button#callMe");

        assertThat(refused.fieldError("number")).startsWith("Codes cannot be sent to phone numbers in United Kingdom.");
        assertThat(phoneMessages(t, UK_MOBILE)).isZero();
        assertThat(refusalsIn(t).get(0).details()).containsEntry("reason", "phone_country")
                .containsEntry("channel", "tel");
    }

    @Test
    void aTunedListOffersItsCountriesAndAcceptsTheirNumbers() {
        TestTenant t = newTenant();
        tune(t, Map.of("allowedCountries", List.of("NG", "GB")));
        Browser browser = browser();
        Browser.Response enroll = enrollmentPage(t, browser);
        assertThat(offered(enroll)).containsExactly("NG", "GB");
        assertThat(enroll.document().selectFirst("#countryCode option[selected]").val()).as("no US: the first")
                .isEqualTo("NG");

        Browser.Response codePage = requestCode(browser, enroll, "NG", "0802 123 4567", "button#sendCode");

        assertThat(codePage.pageError()).isEmpty();
        assertThat(phoneMessages(t, NIGERIAN_MOBILE)).isEqualTo(1);
        Browser other = browser();
        Browser.Response refused = requestCode(other, enrollmentPage(t, other), "US", usNumber(), "button#sendCode");
        assertThat(refused.fieldError("number")).startsWith("Codes cannot be sent to phone numbers in United States.");
    }

    /** A number attached before its country left the list can no longer receive codes; the page says so. */
    @Test
    void attachedNumberWhoseCountryWasRemovedIsRefusedWithAClearMessage() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String number = usNumber();
        Browser first = browser();
        Browser.Response enroll = signUp(first, first.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        idTokenOf(t, MFA_FLOW, enrollBySms(first, enroll, number, 0));
        tune(t, Map.of("allowedCountries", List.of("GB")));

        Browser second = browser();
        Browser.Response verify = signIn(second, second.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        assertThat(verify.document().getElementById("maskedNumber")).as(verify.body()).isNotNull();
        Browser.Response refused = second.submit(verify, "form#phoneVerification", "button#sendCode", Map.of());

        assertThat(refused.pageError()).isEqualTo("Codes can no longer be sent to phone numbers in United States."
                + " Please contact support to change the phone number on your account.");
        assertThat(refused.document().getElementById("number")).as("no way around MFA by a new number").isNull();
        assertThat(phoneMessages(t, e164(number))).isEqualTo(1);
        assertThat(refusalsIn(t).get(0).details()).containsEntry("reason", "phone_country");
    }

    private static List<String> offered(Browser.Response page) {
        return page.document().select("#countryCode option").stream().map(Element::val).toList();
    }
}
