package dev.foyer.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.StatementCounts;
import dev.foyer.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The SQL statements of a password sign-in and of a refresh (see {@link StatementCounts}): a
 * change that adds one to these paths should say so here and in the README's *Performance*.
 */
class SignInStatementCountTests extends EndToEndTest {

    @Autowired
    private Accounts accounts;

    @Test
    void passwordSignInRuns22StatementsAndARefresh4() throws Exception {
        TestTenant t = newTenant();
        String email = uniqueEmail();
        TenantContext.run(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email), PASSWORD, "Ada",
                null, null, Map.of())));
        String first = signIn(t, email); // warms the caches

        StatementCounts.Counted<String> signIn = StatementCounts.during(jdbc, () -> signIn(t, email));
        StatementCounts.Counted<Browser.Response> refresh = StatementCounts.during(jdbc, () -> token(t, "B2C_1_susi",
                Map.of("grant_type", "refresh_token", "refresh_token", signIn.result())));

        assertThat(refresh.result().status()).as(refresh.result().body()).isEqualTo(200);
        assertThat(signIn.result()).isNotEqualTo(first);
        assertThat(signIn.total()).as("statements of a password sign-in: %s", signIn.statements()).isEqualTo(22);
        assertThat(refresh.total()).as("statements of a refresh: %s", refresh.statements()).isEqualTo(4);
    }

    /** Authorize, the sign-in page, the form, the code redeemed: the refresh token. */
    private String signIn(TestTenant t, String email) {
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_susi", Map.of()));
        Map<String, String> response = appResponse(signIn(browser, page, email, PASSWORD), t.webRedirectUri());
        Browser.Response tokens = token(t, "B2C_1_susi", Map.of("grant_type", "authorization_code",
                "code", response.get("code"), "redirect_uri", t.webRedirectUri()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return jsonOf(tokens).get("refresh_token").asString();
    }
}
