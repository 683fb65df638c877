package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.User;
import dev.foyer.lockout.LockoutSettings;
import dev.foyer.lockout.SignInLockout;
import dev.foyer.tenant.TenantContext;
import dev.foyer.tenant.TenantSettings;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A first social sign-in whose verified email is a local account's: linked only after that
 * account's password, under the sign-in lockout; declined or failed, nothing changes.
 */
class FederatedLinkTests extends FederationFlowTest {

    private static final String ISSUER = "https://idp.fake.test";
    private static final String LINK_FORM = "form#linkAccount";

    @Autowired
    Accounts accounts;
    @Autowired
    TenantSettings tenantSettings;

    @Test
    void linkWhenThePasswordIsRightThenBothWaysSignInAsTheSameUser() throws Exception {
        Fixture f = fixture(true);
        Browser.Response linkPage = f.linkPage();
        assertThat(linkPage.document().getElementById("linkIntro").text())
                .contains("An account with " + f.email + " already exists").contains("link Contoso ID");

        Browser.Response done = f.browser.submit(linkPage, LINK_FORM, "button#link", Map.of("password", PASSWORD));
        JWTClaimsSet linked = idToken(tokensOf(f.tenant, "B2C_1_social", done));

        assertThat(linked.getSubject()).isEqualTo(f.local.objectId().toString());
        assertThat(linked.getStringListClaim("amr")).contains("pwd", "fed");
        assertThat(linked.getStringClaim("idp")).isEqualTo(ISSUER);
        assertThat(userWith(f.tenant, ISSUER, f.subject)).map(User::objectId).contains(f.local.objectId());
        assertThat(usersIn(f.tenant)).isEqualTo(1);
        assertThat(auditTypes(f.tenant)).contains("identity.linked");

        Browser social = browser();
        JWTClaimsSet bySocial = idToken(tokensOf(f.tenant, "B2C_1_social", approve(social, pressProvider(social,
                social.open(authorizeUrl(f.tenant, "B2C_1_social", Map.of())), "Contoso"))));
        Browser local = browser();
        JWTClaimsSet byPassword = idToken(tokensOf(f.tenant, "B2C_1_social", signIn(local,
                local.open(authorizeUrl(f.tenant, "B2C_1_social", Map.of())), f.email, PASSWORD)));
        assertThat(bySocial.getSubject()).isEqualTo(f.local.objectId().toString());
        assertThat(bySocial.getStringListClaim("amr")).containsExactly("fed");
        assertThat(byPassword.getSubject()).isEqualTo(f.local.objectId().toString());
        assertThat(byPassword.getStringClaim("idp")).isEqualTo(UserFlowDefinition.LOCAL_ACCOUNT);
    }

    @Test
    void linkWhenThePasswordIsWrongThenNothingLinkedAndTheLockoutCounts() {
        Fixture f = fixture(true);
        TenantContext.run(f.tenant.tenant(), () -> tenantSettings.put(LockoutSettings.SETTING,
                Map.of("threshold", 2)));
        Browser.Response linkPage = f.linkPage();

        Browser.Response wrong = f.browser.submit(linkPage, LINK_FORM, "button#link", Map.of("password", "Wrong-1"));
        assertThat(wrong.pageError()).isEqualTo(FederatedLinkStep.WRONG_PASSWORD);
        Browser.Response locked = f.browser.submit(wrong, LINK_FORM, "button#link", Map.of("password", "Wrong-2"));
        assertThat(locked.pageError()).isEqualTo(SignInLockout.LOCKED);
        Browser.Response refused = f.browser.submit(locked, LINK_FORM, "button#link", Map.of("password", PASSWORD));
        assertThat(refused.pageError()).as("refused before the password is checked").isEqualTo(SignInLockout.LOCKED);

        assertThat(userWith(f.tenant, ISSUER, f.subject)).isEmpty();
        assertThat(usersIn(f.tenant)).isEqualTo(1);
        assertThat(auditTypes(f.tenant)).contains("signIn.failed").doesNotContain("identity.linked");
        Browser local = browser();
        Browser.Response byPassword = signIn(local, local.open(authorizeUrl(f.tenant, "B2C_1_social", Map.of())),
                f.email, PASSWORD);
        assertThat(byPassword.pageError()).as("the local sign-in is locked too").isEqualTo(SignInLockout.LOCKED);
    }

    @Test
    void linkWhenDeclinedThenAccessDeniedAndNothingLinkedOrCreated() {
        Fixture f = fixture(true);

        Browser.Response declined = f.browser.submit(f.linkPage(), LINK_FORM, "button#cancel", Map.of());

        Map<String, String> response = appResponse(declined, f.tenant.webRedirectUri());
        assertThat(response).containsEntry("error", "access_denied").doesNotContainKey("code");
        assertThat(response.get("error_description")).startsWith("AADB2C90091: ");
        assertThat(userWith(f.tenant, ISSUER, f.subject)).isEmpty();
        assertThat(usersIn(f.tenant)).isEqualTo(1);
    }

    @Test
    void firstSignInWhenTheMatchingEmailIsNotVerifiedThenNoOfferAndASeparateUserWithoutThatEmail() throws Exception {
        Fixture f = fixture(false);

        Browser.Response done = approve(f.browser, f.atProvider);

        JWTClaimsSet claims = idToken(tokensOf(f.tenant, "B2C_1_social", done));
        assertThat(claims.getSubject()).isNotEqualTo(f.local.objectId().toString());
        assertThat(claims.getClaim("emails")).isNull();
        assertThat(usersIn(f.tenant)).isEqualTo(2);
    }

    private final class Fixture {
        final TestTenant tenant;
        final String email;
        final String subject;
        final User local;
        final Browser browser;
        final Browser.Response atProvider;

        Fixture(TestTenant tenant, String email, User local, Browser browser, Browser.Response atProvider) {
            this.tenant = tenant;
            this.email = email;
            this.subject = "sub-" + email;
            this.local = local;
            this.browser = browser;
            this.atProvider = atProvider;
        }

        Browser.Response linkPage() {
            Browser.Response page = approve(browser, atProvider);
            assertThat(page.document().selectFirst(LINK_FORM)).as(page.body()).isNotNull();
            return page;
        }
    }

    /** A local account, and a browser at the provider whose identity carries the same email. */
    private Fixture fixture(boolean emailVerified) {
        TestTenant t = newTenant();
        IdentityProvider contoso = provider(t, "Contoso", "Contoso ID", null);
        flow(t, "social", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), List.of("displayName"));
        String email = uniqueEmail();
        User local = TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(email),
                PASSWORD, "Ada Lovelace", "Ada", "Lovelace", Map.of())));
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email.toUpperCase()), emailVerified));
        Browser browser = browser();
        Browser.Response atProvider = pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_social", Map.of())), "Contoso");
        return new Fixture(t, email, local, browser, atProvider);
    }
}
