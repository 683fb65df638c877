package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-up pages with bad input: the email page, the code page and the details page each say
 * what is wrong next to the field, keep the journey where it was, and create no account until
 * everything is right; Cancel hands the application B2C's AADB2C90091 error.
 */
class SignUpPageTests extends EndToEndTest {

    private static final String TEN_THOUSAND = "a".repeat(10_000);
    private static final String FORM = "form#attributeVerification";

    @Autowired
    Accounts accounts;

    private TestTenant t;
    private String email;

    @BeforeEach
    void tenant() {
        t = newTenant();
        email = uniqueEmail();
    }

    @Test
    void malformedEmailAtSendCodeGetsAFieldErrorAndNoMessageIsSent() {
        Browser browser = browser();
        Browser.Response emailPage = emailPage(browser, "B2C_1_susi");
        Browser.Response page = browser.submit(emailPage, FORM, "button#email_ver_but_send", Map.of("email", "ada@"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("email")).isEqualTo("Please enter a valid email address.");
        assertThat(page.document().getElementById("email").val()).isEqualTo("ada@");
        assertThat(page.document().getElementById("email_info")).as("no code sent").isNull();
        assertThat(outbox("ada@")).isEmpty();
        assertThat(codePage(browser, page, email).status()).as("the same page still sends a code").isEqualTo(200);
    }

    @Test
    void emptyAndTenThousandCharacterEmailsAtSendCodeGetFieldErrorsNotServerErrors() {
        Browser browser = browser();
        Browser.Response empty = browser.submit(emailPage(browser, "B2C_1_susi"), FORM, "button#email_ver_but_send",
                Map.of("email", ""));
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.fieldError("email")).isEqualTo("Please enter your email address.");

        Browser.Response huge = browser.submit(empty, FORM, "button#email_ver_but_send",
                Map.of("email", TEN_THOUSAND + "@example.com"));
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.fieldError("email")).isEqualTo("Please enter a valid email address.");
        assertThat(huge.document().getElementById("email").val()).as("not echoed back").isEmpty();
        assertThat(huge.document().getElementById("email_info")).isNull();
        codePage(browser, huge, email);
    }

    @Test
    void wrongCodeIsCalledIncorrectAndTheRightCodeStillWorksAfterwards() {
        Browser browser = browser();
        Browser.Response codePage = codePage(browser, emailPage(browser, "B2C_1_susi"), email);
        String code = latestCode(email, 1);

        Browser.Response wrong = verify(browser, codePage, otherThan(code));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.fieldError("code")).isEqualTo("That code is incorrect. Please try again.");
        assertThat(wrong.document().getElementById("email_info").text()).contains(email);

        Browser.Response details = verify(browser, wrong, code);
        assertThat(details.document().getElementById("newPassword")).as(details.body()).isNotNull();
        assertThat(details.document().getElementById("email").text()).isEqualTo(email);
    }

    @Test
    void emptyCodeGetsAFieldErrorAndCostsNoTry() {
        Browser browser = browser();
        Browser.Response codePage = codePage(browser, emailPage(browser, "B2C_1_susi"), email);
        String code = latestCode(email, 1);
        Browser.Response page = codePage;
        for (int i = 0; i < 6; i++) {
            page = verify(browser, page, "");
            assertThat(page.fieldError("code")).isEqualTo("Please enter the verification code.");
        }
        assertThat(verify(browser, page, code).document().getElementById("newPassword")).isNotNull();
    }

    @Test
    void afterFiveWrongTriesTheCodeIsDeadAndSendNewCodeSendsOneThatWorks() {
        Browser browser = browser();
        Browser.Response page = codePage(browser, emailPage(browser, "B2C_1_susi"), email);
        String code = latestCode(email, 1);
        for (int i = 1; i <= 4; i++) {
            page = verify(browser, page, otherThan(code));
            assertThat(page.fieldError("code")).isEqualTo("That code is incorrect. Please try again.");
        }
        page = verify(browser, page, otherThan(code));
        assertThat(page.fieldError("code")).isEqualTo("That code is incorrect, and you have no tries left."
                + " Send a new code.");

        Browser.Response dead = verify(browser, page, code);
        assertThat(dead.fieldError("code")).as("even the right code").isEqualTo(
                "Too many incorrect tries for that code. Send a new code.");
        assertThat(dead.document().getElementById("newPassword")).isNull();

        Browser.Response resent = browser.submit(dead, FORM, "button#email_ver_but_resend", Map.of());
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.document().getElementById("email_info").text()).contains(email);
        assertThat(resent.fieldError("code")).isEmpty();
        String newCode = latestCode(email, 2);
        assertThat(outbox(email)).hasSize(2);

        Browser.Response details = verify(browser, resent, newCode);
        assertThat(details.document().getElementById("newPassword")).as(details.body()).isNotNull();
        Map<String, String> response = appResponse(details(browser, details, Map.of()), t.webRedirectUri());
        assertThat(response).containsKey("code");
    }

    @Test
    void changeEmailGoesBackToTheEmailFieldAndTheNewAddressIsTheOneVerified() {
        Browser browser = browser();
        Browser.Response codePage = codePage(browser, emailPage(browser, "B2C_1_susi"), email);
        String firstCode = latestCode(email, 1);

        Browser.Response edit = browser.submit(codePage, FORM, "button#email_ver_but_edit", Map.of());
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.document().getElementById("email")).as(edit.body()).isNotNull();
        assertThat(edit.document().getElementById("email").tagName()).isEqualTo("input");
        assertThat(edit.document().getElementById("email_info")).isNull();
        assertThat(edit.document().getElementById("code")).isNull();
        assertThat(edit.document().selectFirst(FORM + " button#email_ver_but_send")).isNotNull();

        String other = uniqueEmail();
        Browser.Response otherCodePage = codePage(browser, edit, other);
        assertThat(otherCodePage.document().getElementById("email_info").text()).contains(other);
        String otherCode = latestCode(other, 1);
        if (!otherCode.equals(firstCode)) {
            Browser.Response stale = verify(browser, otherCodePage, firstCode);
            assertThat(stale.fieldError("code")).as("the first address's code no longer counts")
                    .isEqualTo("That code is incorrect. Please try again.");
            otherCodePage = stale;
        }
        Browser.Response details = verify(browser, otherCodePage, otherCode);
        assertThat(details.document().getElementById("email").text()).isEqualTo(other);
    }

    @Test
    void signUpWithAnEmailThatHasAnAccountSaysSoOnlyAfterTheCodeAndCreatesNoSecondAccount() {
        TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                "Ada Lovelace", "Ada", "Lovelace", Map.of())));
        Browser browser = browser();
        Browser.Response codePage = codePage(browser, emailPage(browser, "B2C_1_susi"), email.toUpperCase());
        assertThat(codePage.fieldError("email")).as("sending the code tells nothing").isEmpty();
        assertThat(codePage.pageError()).isEmpty();

        Browser.Response page = verify(browser, codePage, latestCode(email, 1));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("email")).contains("An account with this email address already exists");
        assertThat(page.document().getElementById("email").tagName()).isEqualTo("input");
        assertThat(page.document().getElementById("newPassword")).isNull();
        assertThat(identitiesFor(email)).isEqualTo(1);
        assertThat(usersInTenant()).isEqualTo(1);

        // The same journey goes on with another address.
        String other = uniqueEmail();
        Browser.Response otherCode = codePage(browser, page, other);
        Browser.Response details = verify(browser, otherCode, latestCode(other, 1));
        assertThat(appResponse(details(browser, details, Map.of()), t.webRedirectUri())).containsKey("code");
        assertThat(identitiesFor(email)).isEqualTo(1);
        assertThat(usersInTenant()).isEqualTo(2);
    }

    @Test
    void weakPasswordGetsThePolicyAtTheFieldAndCreatesNoAccount() {
        Browser browser = browser();
        Browser.Response details = detailsPage(browser, "B2C_1_susi");

        Browser.Response oneClass = details(browser, details, Map.of("newPassword", "passwordpassword",
                "reenterPassword", "passwordpassword"));
        assertThat(oneClass.status()).isEqualTo(200);
        assertThat(oneClass.fieldError("newPassword")).isEqualTo("The password must have at least 3 of the following:"
                + " a lowercase letter, an uppercase letter, a digit, a symbol.");
        assertThat(oneClass.document().getElementById("newPassword").val()).isEmpty();
        assertThat(oneClass.document().getElementById("givenName").val()).as("attributes kept").isEqualTo("Ada");

        Browser.Response tooShort = details(browser, oneClass, Map.of("newPassword", "Ab1!", "reenterPassword", "Ab1!"));
        assertThat(tooShort.fieldError("newPassword")).isEqualTo("The password must be between 8 and 64 characters.");

        Browser.Response huge = details(browser, tooShort, Map.of("newPassword", TEN_THOUSAND,
                "reenterPassword", TEN_THOUSAND));
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.fieldError("newPassword")).contains("The password must be between 8 and 64 characters.");
        assertThat(usersInTenant()).isZero();

        assertThat(appResponse(details(browser, huge, Map.of()), t.webRedirectUri())).containsKey("code");
        assertThat(usersInTenant()).isEqualTo(1);
    }

    @Test
    void mismatchedPasswordsGetAnErrorAtTheSecondFieldAndCreateNoAccount() {
        Browser browser = browser();
        Browser.Response page = details(browser, detailsPage(browser, "B2C_1_susi"),
                Map.of("reenterPassword", PASSWORD + "x"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("reenterPassword")).startsWith("The password entry fields do not match.");
        assertThat(page.fieldError("newPassword")).isEmpty();
        assertThat(page.document().getElementById("newPassword").val()).isEmpty();
        assertThat(page.document().getElementById("reenterPassword").val()).isEmpty();
        assertThat(usersInTenant()).isZero();
        assertThat(appResponse(details(browser, page, Map.of()), t.webRedirectUri())).containsKey("code");
    }

    @Test
    void missingRequiredAttributeGetsAnErrorAtItsFieldAndCreatesNoAccount() {
        Browser browser = browser();
        Browser.Response page = details(browser, detailsPage(browser, "B2C_1_susi"), Map.of("givenName", " "));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("givenName")).isEqualTo("Please enter your given name.");
        assertThat(page.fieldError("surname")).isEmpty();
        assertThat(page.document().getElementById("displayName").val()).isEqualTo("Ada Lovelace");
        assertThat(page.document().getElementById("surname").val()).isEqualTo("Lovelace");
        assertThat(usersInTenant()).isZero();
        assertThat(appResponse(details(browser, page, Map.of()), t.webRedirectUri())).containsKey("code");
    }

    @Test
    void tenThousandCharacterAttributeGetsAFieldErrorNotAServerError() {
        Browser browser = browser();
        Browser.Response page = details(browser, detailsPage(browser, "B2C_1_susi"),
                Map.of("displayName", TEN_THOUSAND));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("displayName")).isEqualTo("Display Name can have at most 256 characters.");
        assertThat(page.document().getElementById("displayName").val()).as("not echoed back").isEmpty();
        assertThat(usersInTenant()).isZero();
        assertThat(appResponse(details(browser, page, Map.of()), t.webRedirectUri())).containsKey("code");
    }

    @Test
    void extensionAttributeIsCollectedAtSignUpAndReturnedAsAClaimInTheIdToken() throws Exception {
        TenantContext.call(t.tenant(), () -> flows.create("loyalty", UserFlowType.SIGN_UP_OR_SIGN_IN,
                new UserFlowDefinition(List.of(UserFlowDefinition.LOCAL_ACCOUNT),
                        List.of("displayName", "givenName", "surname", "extension_LoyaltyNumber"),
                        List.of("emails", "name", "oid", "extension_LoyaltyNumber"),
                        UserFlowProperties.DEFAULTS)));
        Browser browser = browser();
        Browser.Response details = detailsPage(browser, "B2C_1_loyalty");
        assertThat(details.document().selectFirst("label[for=extension_LoyaltyNumber]").text())
                .isEqualTo("Loyalty Number");

        Browser.Response missing = details(browser, details, Map.of());
        assertThat(missing.fieldError("extension_LoyaltyNumber")).isEqualTo("Please enter your loyalty number.");
        assertThat(usersInTenant()).isZero();

        Map<String, String> response = appResponse(details(browser, missing,
                Map.of("extension_LoyaltyNumber", "LN-000123")), t.webRedirectUri());
        Browser.Response tokens = token(t, "B2C_1_loyalty", Map.of("grant_type", "authorization_code",
                "code", response.get("code"), "redirect_uri", t.webRedirectUri()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        var claims = SignedJWT.parse(jsonOf(tokens).get("id_token").asString()).getJWTClaimsSet();
        assertThat(claims.getStringClaim("extension_LoyaltyNumber")).isEqualTo("LN-000123");
        assertThat(claims.getStringListClaim("emails")).containsExactly(email);
    }

    @Test
    void cancelOnTheEmailPageSendsAccessDeniedToTheAppAndEndsTheJourney() {
        Browser browser = browser();
        assertCancelEndsTheJourney(browser, emailPage(browser, "B2C_1_susi"));
    }

    @Test
    void cancelOnTheCodePageSendsAccessDeniedToTheAppAndEndsTheJourney() {
        Browser browser = browser();
        assertCancelEndsTheJourney(browser, codePage(browser, emailPage(browser, "B2C_1_susi"), email));
    }

    @Test
    void cancelOnTheDetailsPageSendsAccessDeniedToTheAppAndCreatesNoAccount() {
        Browser browser = browser();
        assertCancelEndsTheJourney(browser, detailsPage(browser, "B2C_1_susi"));
        assertThat(usersInTenant()).isZero();
    }

    private void assertCancelEndsTheJourney(Browser browser, Browser.Response page) {
        String journeyUrl = page.uri().toString();
        assertThat(journeyUrl).contains("/journey/");
        String state = states.get(browser);
        Map<String, String> response = appResponse(browser.submit(page, FORM, "button#cancel", Map.of()),
                t.webRedirectUri());

        assertThat(response).containsEntry("error", "access_denied").containsEntry("state", state)
                .doesNotContainKey("code");
        assertThat(response.get("error_description")).startsWith("AADB2C90091");
        Browser.Response gone = browser.get(journeyUrl);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.pageError()).isEqualTo("This sign-in page has expired or is no longer valid."
                + " Return to the application and sign in again.");
        assertThat(gone.document().selectFirst("form")).isNull();
    }

    // --- the pages, step by step ---

    private final Map<Browser, String> states = new HashMap<>();

    private Browser.Response emailPage(Browser browser, String flow) {
        String state = "state-" + java.util.UUID.randomUUID();
        states.put(browser, state);
        Browser.Response signIn = browser.open(authorizeUrl(t, flow, Map.of("state", state)));
        Browser.Response page = browser.submit(signIn, "form#localAccountForm", "button#createAccount", Map.of());
        assertThat(page.document().selectFirst(FORM + " button#email_ver_but_send")).as(page.body()).isNotNull();
        return page;
    }

    private Browser.Response codePage(Browser browser, Browser.Response emailPage, String address) {
        Browser.Response page = browser.submit(emailPage, FORM, "button#email_ver_but_send", Map.of("email", address));
        assertThat(page.document().getElementById("email_info")).as(page.body()).isNotNull();
        return page;
    }

    private Browser.Response verify(Browser browser, Browser.Response codePage, String code) {
        return browser.submit(codePage, FORM, "button#email_ver_but_verify", Map.of("code", code));
    }

    private Browser.Response detailsPage(Browser browser, String flow) {
        Browser.Response codePage = codePage(browser, emailPage(browser, flow), email);
        Browser.Response page = verify(browser, codePage, latestCode(email, 1));
        assertThat(page.document().getElementById("newPassword")).as(page.body()).isNotNull();
        return page;
    }

    /** Submits the details page with good values, {@code overrides} typed over them. */
    private Browser.Response details(Browser browser, Browser.Response page, Map<String, String> overrides) {
        Map<String, String> fields = new HashMap<>(Map.of("newPassword", PASSWORD, "reenterPassword", PASSWORD,
                "displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace"));
        fields.putAll(overrides);
        return browser.submit(page, FORM, "button#continue", fields);
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private int usersInTenant() {
        return jdbc.sql("select count(*) from directory_user where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    private int identitiesFor(String address) {
        return jdbc.sql("select count(*) from user_identity where tenant_id = ? and lower(issuer_assigned_id) = ?")
                .params(t.tenant().id(), address.toLowerCase()).query(Integer.class).single();
    }
}
