package dev.foyer.localaccount;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sign-in page with bad input: each mistake gets a clear message on the page, the journey stays
 * where it was (the right password still signs in afterwards), and nothing tells whether an email
 * address has an account.
 */
class SignInPageTests extends EndToEndTest {

    private static final String TEN_THOUSAND = "a".repeat(10_000);

    @Autowired
    Accounts accounts;

    private TestTenant t;
    private String email;

    @BeforeEach
    void tenantWithOneAccount() {
        t = newTenant();
        email = uniqueEmail();
        TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD,
                "Ada Lovelace", "Ada", "Lovelace", Map.of())));
    }

    @Test
    void wrongPasswordShowsAGenericPageErrorKeepsTheEmailAndClearsThePassword() {
        Browser browser = browser();
        Browser.Response page = signIn(browser, signInPage(browser), email, "Wrong-Horse-42");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.pageError()).isEqualTo("The email address or password is incorrect.");
        assertThat(page.document().select(".error.itemLevel")).isEmpty();
        assertThat(page.document().getElementById("signInName").val()).isEqualTo(email);
        assertThat(page.document().getElementById("password").val()).isEmpty();
        assertStillSignsIn(browser, page);
    }

    @Test
    void unknownEmailGetsExactlyTheSameAnswerAsAWrongPassword() {
        Browser browser = browser();
        Browser.Response wrongPassword = signIn(browser, signInPage(browser), email, "Wrong-Horse-42");
        String unknown = uniqueEmail();
        Browser.Response unknownEmail = signIn(browser, wrongPassword, unknown, "Wrong-Horse-42");

        assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownEmail.pageError()).isNotEmpty().isEqualTo(wrongPassword.pageError());
        assertThat(withoutVaryingParts(unknownEmail.body(), unknown))
                .as("the whole page, apart from the address typed")
                .isEqualTo(withoutVaryingParts(wrongPassword.body(), email));
        assertThat(usersInTenant()).as("no account made for the unknown address").isEqualTo(1);
        assertStillSignsIn(browser, unknownEmail);
    }

    @Test
    void emptyFieldsGetAnErrorEachAtTheField() {
        Browser browser = browser();
        Browser.Response page = signIn(browser, signInPage(browser), "", "");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("signInName")).isEqualTo("Please enter your email address.");
        assertThat(page.fieldError("password")).isEqualTo("Please enter your password.");
        assertThat(page.pageError()).isEmpty();
        assertThat(page.document().getElementById("signInName").attr("aria-describedby")).isEqualTo("signInName-error");
        assertStillSignsIn(browser, page);
    }

    @Test
    void malformedEmailGetsAnErrorAtTheEmailField() {
        Browser browser = browser();
        Browser.Response page = signIn(browser, signInPage(browser), "ada@@example", PASSWORD);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("signInName")).isEqualTo("Please enter a valid email address.");
        assertThat(page.fieldError("password")).isEmpty();
        assertThat(page.pageError()).isEmpty();
        assertThat(page.document().getElementById("signInName").val()).isEqualTo("ada@@example");
        assertStillSignsIn(browser, page);
    }

    @Test
    void tenThousandCharacterEmailGetsAFieldErrorNotAServerError() {
        Browser browser = browser();
        Browser.Response page = signIn(browser, signInPage(browser), TEN_THOUSAND + "@example.com", PASSWORD);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("signInName")).isEqualTo("Please enter a valid email address.");
        assertThat(page.document().getElementById("signInName").val()).as("not echoed back").isEmpty();
        assertStillSignsIn(browser, page);
    }

    @Test
    void tenThousandCharacterPasswordGetsAFieldErrorNotAServerError() {
        Browser browser = browser();
        Browser.Response page = signIn(browser, signInPage(browser), email, TEN_THOUSAND);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fieldError("password")).isEqualTo("A password has at most 256 characters.");
        assertThat(page.document().getElementById("signInName").val()).isEqualTo(email);
        assertThat(page.document().getElementById("password").val()).isEmpty();
        assertStillSignsIn(browser, page);
    }

    @Test
    void loginHintPrefillsTheEmailField() {
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of("login_hint", email)));

        assertThat(page.document().getElementById("signInName").val()).isEqualTo(email);
        assertThat(page.document().getElementById("password").val()).isEmpty();
        assertThat(page.pageError()).isEmpty();
        assertStillSignsIn(browser, page);
    }

    @Test
    void loginHintLongerThanTheFieldIsIgnoredRatherThanShownOrRefused() {
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of("login_hint", "a".repeat(1000))));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().getElementById("signInName").val()).isEmpty();
        assertStillSignsIn(browser, page);
    }

    private Browser.Response signInPage(Browser browser) {
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        assertThat(page.document().selectFirst("form#localAccountForm")).as(page.body()).isNotNull();
        return page;
    }

    /** The mistake changed nothing: the same journey, on the same page, still signs the user in. */
    private void assertStillSignsIn(Browser browser, Browser.Response page) {
        Map<String, String> response = appResponse(signIn(browser, page, email, PASSWORD), t.webRedirectUri());
        assertThat(response).containsKey("code").doesNotContainKey("error");
        assertThat(usersInTenant()).isEqualTo(1);
    }

    private int usersInTenant() {
        return jdbc.sql("select count(*) from directory_user where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    private static String withoutVaryingParts(String body, String typedEmail) {
        return body.replace(typedEmail, "EMAIL").replaceAll("name=\"csrf_token\" value=\"[^\"]*\"", "CSRF");
    }
}
