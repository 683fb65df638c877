package dev.foyer.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.EmailAddress;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestPhoneNumbers;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every hosted form, filled with each hostile value: the answer is the same form
 * with an inline message (or a 4xx page) — never a server error, never the value echoed as markup,
 * never a step passed — and no account, identity, phone method, session, grant or message is
 * written. Each field is tried with the other fields set so that the form must be refused whatever
 * the hostile value is (a second password that differs, an unknown account), so any write is a bug.
 */
class HostileFormInputTests extends EndToEndTest {

    private static final String FLOW = "B2C_1_hostile";

    private TestTenant t;

    @BeforeEach
    void tenantWithACustomAttribute() {
        t = newTenant();
        TenantContext.call(t.tenant(), () -> flows.create("hostile", UserFlowType.SIGN_UP_OR_SIGN_IN,
                new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT),
                        List.of("displayName", "givenName", "surname", "extension_LoyaltyNumber"),
                        List.of("emails", "name", "oid", "extension_LoyaltyNumber"),
                        UserFlowProperties.DEFAULTS.withMfa(MfaSettings.OFF))));
    }

    /** A form as a person meets it, with what they typed in its other fields and the button they press. */
    private record Form(Browser browser, Browser.Response page, String selector, String button,
                        Map<String, String> others) {
    }

    enum Page { SIGN_IN, EMAIL, EMAIL_CODE, DETAILS, PHONE_NUMBER, PHONE_CODE }

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of(Page.SIGN_IN, "signInName"), Arguments.of(Page.SIGN_IN, "password"),
                Arguments.of(Page.SIGN_IN, "action"), Arguments.of(Page.SIGN_IN, "csrf_token"),
                Arguments.of(Page.SIGN_IN, "unknownExtraField"),
                Arguments.of(Page.EMAIL, "email"), Arguments.of(Page.EMAIL, "action"),
                Arguments.of(Page.EMAIL_CODE, "code"), Arguments.of(Page.EMAIL_CODE, "csrf_token"),
                Arguments.of(Page.DETAILS, "newPassword"), Arguments.of(Page.DETAILS, "reenterPassword"),
                Arguments.of(Page.DETAILS, "displayName"), Arguments.of(Page.DETAILS, "givenName"),
                Arguments.of(Page.DETAILS, "surname"), Arguments.of(Page.DETAILS, "extension_LoyaltyNumber"),
                Arguments.of(Page.DETAILS, "action"), Arguments.of(Page.DETAILS, "unknownExtraField"),
                Arguments.of(Page.PHONE_NUMBER, "countryCode"), Arguments.of(Page.PHONE_NUMBER, "number"),
                Arguments.of(Page.PHONE_NUMBER, "action"), Arguments.of(Page.PHONE_CODE, "verificationCode"),
                Arguments.of(Page.PHONE_CODE, "action"), Arguments.of(Page.PHONE_CODE, "csrf_token"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fields")
    void formFieldWhenHostileThenInlineMessageAndNothingWritten(Page page, String field) {
        Form form = open(page);
        // A well-formed address can be sent a code: that is the page doing its job, not a refusal.
        Predicate<String> mayBeAccepted = value -> page == Page.EMAIL && field.equals("email")
                && EmailAddress.isValid(value);
        for (Map.Entry<String, String> hostile : HostileValues.VALUES.entrySet()) {
            String what = page + " " + field + " = " + hostile.getKey();
            TableSnapshot before = snapshot();
            Browser.Response response = submit(form, Map.of(field, hostile.getValue()));
            if (mayBeAccepted.test(hostile.getValue()) && response.document().getElementById("email_info") != null) {
                assertThat(outbox(URLEncoder.encode(EmailAddress.parse(hostile.getValue()).value(),
                        StandardCharsets.UTF_8))).as(what).hasSize(1);
                form = open(page);
                continue;
            }
            assertRefused(response, what, hostile.getValue(), before);
            form = sameFormOrAgain(form, response, page);
        }
        for (String raw : HostileValues.RAW_ENCODED) {
            String what = page + " " + field + " = raw " + raw;
            TableSnapshot before = snapshot();
            Map<String, String> values = values(form, Map.of());
            values.remove(field);
            Browser.Response response = form.browser().follow(form.browser().postEncoded(
                    form.browser().formAction(form.page(), form.selector()),
                    Browser.encode(values) + "&" + URLEncoder.encode(field, StandardCharsets.UTF_8) + "=" + raw));
            assertRefused(response, what, raw, before);
            form = sameFormOrAgain(form, response, page);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fields")
    void formFieldWhenRepeatedThenRefusedAndNothingWritten(Page page, String field) {
        Form form = open(page);
        String name = URLEncoder.encode(field, StandardCharsets.UTF_8);
        TableSnapshot before = snapshot();
        Browser.Response response = form.browser().follow(form.browser().postEncoded(
                form.browser().formAction(form.page(), form.selector()),
                Browser.encode(values(form, Map.of())) + "&" + name + "=one&" + name + "=two"));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.document().text()).contains("repeats the field " + field);
        assertThat(snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "hostile field name: {0}")
    @MethodSource("hostileNames")
    void formWhenAFieldHasAHostileNameThenItIsIgnoredAndNothingWritten(String name) {
        Form form = open(Page.SIGN_IN);
        TableSnapshot before = snapshot();
        Browser.Response response = submit(form, Map.of(name, "value"));
        assertRefused(response, "field named " + name, name, before);
    }

    static Stream<String> hostileNames() {
        return HostileValues.VALUES.values().stream().filter(v -> !v.isEmpty() && v.length() < 1_000);
    }

    private Form open(Page page) {
        Browser browser = browser();
        switch (page) {
            case SIGN_IN -> {
                return new Form(browser, signInPage(browser), "form#localAccountForm", "button#next",
                        Map.of("signInName", uniqueEmail(), "password", PASSWORD));
            }
            case EMAIL -> {
                return new Form(browser, emailPage(browser), "form#attributeVerification",
                        "button#email_ver_but_send", Map.of());
            }
            case EMAIL_CODE -> {
                return new Form(browser, codePage(browser, uniqueEmail()), "form#attributeVerification",
                        "button#email_ver_but_verify", Map.of("code", "000000"));
            }
            case DETAILS -> {
                String email = uniqueEmail();
                Browser.Response details = browser.submit(codePage(browser, email), "form#attributeVerification",
                        "button#email_ver_but_verify", Map.of("code", latestCode(email, 1)));
                assertThat(details.document().getElementById("newPassword")).as(details.body()).isNotNull();
                // The second password always differs from the first, so the page must refuse.
                Map<String, String> others = new LinkedHashMap<>(Map.of("newPassword", PASSWORD,
                        "reenterPassword", "Other-Horse-43", "displayName", "Ada Lovelace", "givenName", "Ada",
                        "surname", "Lovelace", "extension_LoyaltyNumber", "LN-1"));
                return new Form(browser, details, "form#attributeVerification", "button#continue", others);
            }
            case PHONE_NUMBER -> {
                return new Form(browser, phonePage(browser), "form#phoneVerification", "button#sendCode",
                        Map.of("countryCode", "US", "number", "12"));
            }
            default -> {
                Browser.Response enroll = phonePage(browser);
                String number = TestPhoneNumbers.usNational();
                Browser.Response codePage = browser.submit(enroll, "form#phoneVerification", "button#sendCode",
                        Map.of("countryCode", "US", "number", number));
                assertThat(codePage.document().getElementById("verificationCode")).as(codePage.body()).isNotNull();
                latestCode(URLEncoder.encode("+1" + number, StandardCharsets.UTF_8), 1);
                return new Form(browser, codePage, "form#phoneVerification", "button#verifyCode",
                        Map.of("verificationCode", "000000"));
            }
        }
    }

    private Browser.Response signInPage(Browser browser) {
        Browser.Response page = browser.open(authorizeUrl(t, FLOW, Map.of()));
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        return page;
    }

    private Browser.Response emailPage(Browser browser) {
        return browser.submit(signInPage(browser), "form#localAccountForm", "button#createAccount", Map.of());
    }

    private Browser.Response codePage(Browser browser, String email) {
        Browser.Response page = browser.submit(emailPage(browser), "form#attributeVerification",
                "button#email_ver_but_send", Map.of("email", email));
        assertThat(page.document().getElementById("email_info")).as(page.body()).isNotNull();
        return page;
    }

    /** The phone enrollment page of a new account in an MFA flow (the account exists by then). */
    private Browser.Response phonePage(Browser browser) {
        Browser.Response signInPage = browser.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of()));
        Browser.Response page = signUp(browser, signInPage, uniqueEmail(), PASSWORD);
        assertThat(page.document().getElementById("number")).as(page.body()).isNotNull();
        return page;
    }

    /** The form's own values, the button pressed, what the person typed elsewhere, then {@code typed}. */
    private static Map<String, String> values(Form form, Map<String, String> typed) {
        Map<String, String> values = form.browser().formValues(form.page(), form.selector());
        var button = form.page().document().selectFirst(form.selector() + " " + form.button());
        assertThat(button).as(form.page().body()).isNotNull();
        values.put(button.attr("name"), button.attr("value"));
        values.putAll(form.others());
        values.putAll(typed);
        return values;
    }

    private static Browser.Response submit(Form form, Map<String, String> typed) {
        return form.browser().follow(form.browser().post(form.browser().formAction(form.page(), form.selector()),
                values(form, typed)));
    }

    /**
     * The page to go on from: the one just shown when it is the same form, the previous one after a
     * refusal page (the journey lives on), a new journey otherwise — sparingly, since each new
     * journey at a code page sends a code, and codes are rate limited.
     */
    private Form sameFormOrAgain(Form form, Browser.Response response, Page page) {
        if (response.status() == 200 && response.document().selectFirst(form.selector() + " " + form.button()) != null) {
            return new Form(form.browser(), response, form.selector(), form.button(), form.others());
        }
        if (response.status() >= 400) {
            return form;
        }
        return open(page);
    }

    private TableSnapshot snapshot() {
        return TableSnapshot.of(jdbc, t.tenant().id(), TableSnapshot.USER_DATA);
    }

    private void assertRefused(Browser.Response response, String what, String value, TableSnapshot before) {
        assertThat(response.status()).as(what + "\n" + response.body()).isBetween(200, 499);
        HostileResponses.assertNoUnsafeEcho(response, value, what);
        if (response.isRedirect()) {
            assertThat(response.location().get()).as(what).doesNotContain("code=").doesNotContain("id_token=");
        }
        if (response.status() == 200) {
            assertThat(response.document().select(".error").eachText()).as(what + ": an inline message\n"
                    + response.body()).anyMatch(text -> !text.isBlank());
        }
        TableSnapshot after = snapshot();
        assertThat(after).as(what + ": nothing written; before " + before.counts() + ", after " + after.counts())
                .isEqualTo(before);
    }
}
