package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flow's MFA applies to social users exactly as to local ones. */
class FederatedMfaTests extends FederationFlowTest {

    private static final String ISSUER = "https://idp.fake.test";

    @Test
    void mfaFlowWhenASocialUserSignsUpThenEnrollsAPhoneAndAmrHasFedAndMfa() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = provider(t, "Contoso", "Contoso ID", null);
        flow(t, "social_mfa", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.ENABLED,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), List.of("displayName"));
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();

        Browser.Response enroll = approve(browser, pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_social_mfa", Map.of())), "Contoso"));
        assertThat(isPhonePage(enroll)).as(enroll.body()).isTrue();
        assertThat(userWith(t, ISSUER, "sub-" + email)).as("created before the phone step").isPresent();

        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_social_mfa", enrollBySms(browser, enroll)));

        assertThat(claims.getStringListClaim("amr")).containsExactly("fed", "sms", "mfa");
        assertThat(claims.getStringClaim("idp")).isEqualTo(ISSUER);
    }

    /**
     * The insurance scenario: the auto insurance app's flow has no MFA, the home insurance app's flow
     * has; the same social user signs into one, then the other, and verifies a phone only for the second.
     */
    @Test
    void perApplicationMfaWhenTheSameSocialUserMovesToTheMfaAppThenOnlyThatOneAsksForThePhone() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = provider(t, "Contoso", "Contoso ID", null);
        flow(t, "auto", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), List.of("displayName"));
        flow(t, "home", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.ENABLED,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), List.of("displayName"));
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();

        JWTClaimsSet auto = idToken(tokensOf(t, "B2C_1_auto", approve(browser, pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_auto", Map.of())), "Contoso"))));
        assertThat(auto.getStringListClaim("amr")).containsExactly("fed");

        Browser.Response phone = browser.open(authorizeUrl(t, "B2C_1_home", Map.of()));
        assertThat(isPhonePage(phone)).as("the session's upstream sign-in counts; only the phone is asked")
                .isTrue();
        JWTClaimsSet home = idToken(tokensOf(t, "B2C_1_home", enrollBySms(browser, phone)));

        assertThat(home.getSubject()).isEqualTo(auto.getSubject());
        assertThat(home.getStringListClaim("amr")).containsExactly("fed", "sms", "mfa");
        assertThat(home.getStringClaim("idp")).isEqualTo(ISSUER);

        // Back at the auto app: silent, the same user.
        JWTClaimsSet autoAgain = idToken(tokensOf(t, "B2C_1_auto", browser.open(authorizeUrl(t, "B2C_1_auto",
                Map.of("prompt", "none")))));
        assertThat(autoAgain.getSubject()).isEqualTo(auto.getSubject());
    }
}
