package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upstream failures and forged callbacks end the journey cleanly: an error the application can act
 * on, or a 400 page in Foyer's words; never a stack trace, never the provider's text.
 */
class FederatedSignInFailureTests extends FederationFlowTest {

    private static final String ISSUER = "https://idp.fake.test";
    private static final String HOSTILE = "<script>alert('upstream')</script>";

    @Test
    void callbackWhenUserCancelledAtTheProviderThenAccessDenied() {
        Fixture f = fixture();
        Browser.Response back = f.browser.open(callback(f, Map.of("error", "access_denied",
                "error_description", HOSTILE)));

        assertRefused(f, back, "access_denied", "AADB2C90273: ");
    }

    @Test
    void callbackWhenProviderAnswersAnotherErrorThenServerError() {
        Fixture f = fixture();
        Browser.Response back = f.browser.open(callback(f, Map.of("error", "temporarily_unavailable",
                "error_description", HOSTILE)));

        assertRefused(f, back, "server_error", "FOYER30001: ");
    }

    @Test
    void callbackWhenConnectorRefusesForEachReasonThenTheMatchingErrorAndNoUser() {
        for (UpstreamException.Reason reason : UpstreamException.Reason.values()) {
            Fixture f = fixture();
            fake.willFail(f.provider, reason);
            Browser.Response back = approve(f.browser, f.atProvider);

            if (reason == UpstreamException.Reason.CANCELLED) {
                assertRefused(f, back, "access_denied", "AADB2C90273: ");
            } else {
                assertRefused(f, back, "server_error", "FOYER30001: ");
            }
            assertThat(auditTypes(f.tenant)).as(reason.name()).contains("signIn.failed");
        }
    }

    @Test
    void buttonWhenProviderIsUnreachableThenServerErrorToTheApp() {
        TestTenant t = newTenant();
        provider(t, "Down", "Down ID", null, FakeConnector.SCHEME + "unreachable", true);
        flow(t, "social", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Down"), List.of());
        Browser browser = browser();
        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_social", Map.of("state", "s1")));

        Browser.Response back = browser.submit(page, SOCIAL_FORM, "button#Down", Map.of());

        Map<String, String> response = appResponse(back, t.webRedirectUri());
        assertThat(response).containsEntry("error", "server_error").containsEntry("state", "s1");
        assertThat(response.get("error_description")).startsWith("FOYER30001: ");
    }

    @Test
    void callbackWhenStateIsTamperedUnknownOrMissingThenClearPageAndTheJourneyStillWorks() {
        Fixture f = fixture();
        String state = query(f.atProvider.location().get()).get("state");
        String tampered = state.substring(0, state.length() - 2) + (state.endsWith("AA") ? "BB" : "AA");

        for (String bad : new String[] {tampered, "unknown.secret", "no-separator", ""}) {
            Browser.Response refused = f.browser.open(callback(f, Map.of("code", FakeConnector.CODE, "state", bad)));
            assertCleanProblem(refused, 400);
        }
        Browser.Response noState = f.browser.open(origin() + "/" + f.tenant.name() + "/oauth2/authresp?code=x");
        assertCleanProblem(noState, 400);

        // The genuine callback still signs in afterwards.
        assertThat(appResponse(approve(f.browser, f.atProvider), f.tenant.webRedirectUri())).containsKey("code");
    }

    @Test
    void callbackWhenReplayedThenRefused() {
        Fixture f = fixture();
        Browser.Response first = approve(f.browser, f.atProvider);
        assertThat(appResponse(first, f.tenant.webRedirectUri())).containsKey("code");

        Browser.Response replay = approve(f.browser, f.atProvider);

        assertCleanProblem(replay, 400);
        assertThat(usersIn(f.tenant)).isEqualTo(1);
    }

    @Test
    void callbackWhenFromAnotherBrowserThenRefusedAndNothingCreated() {
        Fixture f = fixture();

        Browser.Response stolen = approve(browser(), f.atProvider);

        assertCleanProblem(stolen, 400);
        assertThat(usersIn(f.tenant)).isZero();
    }

    @Test
    void callbackWhenTheUserIsDisabledThenAccessDenied() throws Exception {
        Fixture f = fixture();
        approve(f.browser, f.atProvider);
        var user = userWith(f.tenant, ISSUER, f.subject).orElseThrow();
        dev.foyer.tenant.TenantContext.run(f.tenant.tenant(), () -> users.setEnabled(user.objectId(), false));
        Browser browser = browser();
        Browser.Response atProvider = pressProvider(browser,
                browser.open(authorizeUrl(f.tenant, "B2C_1_social", Map.of("state", "s2"))), "Contoso");

        Browser.Response back = approve(browser, atProvider);

        Map<String, String> response = appResponse(back, f.tenant.webRedirectUri());
        assertThat(response).containsEntry("error", "access_denied").doesNotContainKey("code");
    }

    private record Fixture(TestTenant tenant, IdentityProvider provider, Browser browser, Browser.Response atProvider,
                           String subject) {
    }

    /** A social flow, a scripted identity, and a browser standing at the provider after pressing its button. */
    private Fixture fixture() {
        TestTenant t = newTenant();
        IdentityProvider contoso = provider(t, "Contoso", "Contoso ID", null);
        flow(t, "social", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), List.of());
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();
        Browser.Response atProvider = pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_social", Map.of("state", "app-state"))), "Contoso");
        return new Fixture(t, contoso, browser, atProvider, "sub-" + email);
    }

    private String callback(Fixture f, Map<String, String> parameters) {
        Map<String, String> all = new java.util.LinkedHashMap<>(parameters);
        all.putIfAbsent("state", query(f.atProvider.location().get()).get("state"));
        return origin() + "/" + f.tenant.name() + "/oauth2/authresp?" + Browser.encode(all);
    }

    private void assertRefused(Fixture f, Browser.Response back, String error, String codePrefix) {
        Map<String, String> response = appResponse(back, f.tenant.webRedirectUri());
        assertThat(response).containsEntry("error", error).containsEntry("state", "app-state")
                .doesNotContainKey("code");
        assertThat(response.get("error_description")).startsWith(codePrefix).doesNotContain("script")
                .doesNotContain("upstream");
        assertThat(usersIn(f.tenant)).isZero();
    }

    private static void assertCleanProblem(Browser.Response page, int status) {
        assertThat(page.status()).as(page.body()).isEqualTo(status);
        assertThat(page.body()).contains("does not belong to a sign-in started in this browser")
                .doesNotContain("Exception").doesNotContain("at dev.foyer").doesNotContain("<script>alert");
    }
}
