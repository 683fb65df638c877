package dev.foyer.mfa.phone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.StatementCounts;
import dev.foyer.testing.TestTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SQL statements of a sign-in with SMS MFA to the number on the account (see
 * {@link StatementCounts}): a change that adds one should say so here and in the README's
 * *Performance*.
 */
class PhoneSignInStatementCountTests extends PhoneMfaEndToEndTest {

    @Test
    void smsMfaSignInRuns40Statements() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        String number = usNumber();
        Browser first = browser();
        Browser.Response enroll = signUp(first, first.open(authorizeUrl(t, MFA_FLOW, Map.of())), email, PASSWORD);
        assertThat(isEnrollPage(enroll)).as(enroll.body()).isTrue();
        idTokenOf(t, MFA_FLOW, enrollBySms(first, enroll, number, 0)); // the phone is on the account; caches warm

        StatementCounts.Counted<List<String>> signIn = StatementCounts.during(jdbc, () -> {
            Browser browser = browser();
            Browser.Response phonePage = signIn(browser, browser.open(authorizeUrl(t, MFA_FLOW, Map.of())), email,
                    PASSWORD);
            assertThat(isPhonePage(phonePage) && !isEnrollPage(phonePage)).as(phonePage.body()).isTrue();
            Browser.Response codePage = browser.submit(phonePage, "form#phoneVerification", "button#sendCode",
                    Map.of());
            String code = codeSentTo(e164(number), 2);
            return idTokenOf(t, MFA_FLOW, enterCode(browser, codePage, code)).getStringListClaim("emails");
        });

        assertThat(signIn.result()).containsExactly(email);
        assertThat(signIn.total()).as("statements of an SMS-MFA sign-in: %s", signIn.statements()).isEqualTo(40);
    }
}
