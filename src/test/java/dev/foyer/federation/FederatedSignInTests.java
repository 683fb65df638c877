package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.foyer.directory.User;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Signing in with an identity provider's button: first sign-in, second sign-in, domain_hint, SSO, claims. */
class FederatedSignInTests extends FederationFlowTest {

    private static final String ISSUER = "https://idp.fake.test";
    private static final List<String> ATTRIBUTES = List.of("displayName", "givenName", "surname");

    @Test
    void signInPageWhenFlowListsProvidersThenShowsAButtonPerEnabledProviderBesideTheForm() {
        TestTenant t = newTenant();
        provider(t, "Contoso", "Contoso ID", null);
        provider(t, "Retired", "Retired ID", null, FakeConnector.SCHEME + "Retired", false);
        provider(t, "next", "Clashing ID", null);
        flow(t, "social", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso", "Retired", "Nowhere", "next"), ATTRIBUTES);

        Browser.Response page = browser().open(authorizeUrl(t, "B2C_1_social", Map.of()));

        assertThat(page.document().selectFirst("form#localAccountForm")).isNotNull();
        Element button = page.document().selectFirst(SOCIAL_FORM + " button#Contoso");
        assertThat(button).as(page.body()).isNotNull();
        assertThat(button.attr("type")).isEqualTo("submit");
        assertThat(button.attr("name")).isEqualTo("action");
        assertThat(button.attr("value")).isEqualTo("idp:Contoso");
        assertThat(button.text()).isEqualTo("Sign in with Contoso ID");
        assertThat(page.document().select(SOCIAL_FORM + " button[name=action][value^=idp:]")).hasSize(1);
        assertThat(page.document().select("[id]").eachAttr("id")).doesNotHaveDuplicates();
    }

    @Test
    void signInPageWhenFlowHasNoLocalAccountThenShowsOnlyTheButtons() {
        TestTenant t = newTenant();
        provider(t, "Contoso", "Contoso ID", null);
        flow(t, "social", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF, List.of("Contoso"), ATTRIBUTES);
        Browser browser = browser();

        Browser.Response page = browser.open(authorizeUrl(t, "B2C_1_social", Map.of()));
        assertThat(page.document().selectFirst("form#localAccountForm")).isNull();
        assertThat(page.document().selectFirst(SOCIAL_FORM + " button#Contoso")).isNotNull();

        // A hand-made password post is refused: the flow has no local accounts.
        Map<String, String> form = browser.formValues(page, SOCIAL_FORM);
        form.putAll(Map.of("action", "signIn", "signInName", uniqueEmail(), "password", PASSWORD));
        Browser.Response refused = browser.post(browser.formAction(page, SOCIAL_FORM), form);
        assertThat(refused.pageError()).contains("not available");
    }

    @Test
    void firstSignInWhenProviderOmitsAttributesThenAsksForThemAndCreatesTheUser() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, null);
        String email = uniqueEmail();
        String subject = "sub-" + email;
        fake.willSignIn(contoso, identity(ISSUER, subject, Map.of("email", email, "displayName", "Grace Hopper"), true));
        Browser browser = browser();
        String state = "state-first";

        Browser.Response atProvider = pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_social", Map.of("state", state))), "Contoso");
        UpstreamRequest sent = fake.lastRequest(contoso);
        assertThat(sent.redirectUri()).isEqualTo(origin() + "/" + t.name() + "/oauth2/authresp");
        assertThat(sent.nonce()).isNotBlank();
        assertThat(sent.codeVerifier()).isNotBlank();
        Browser.Response details = approve(browser, atProvider);

        assertThat(details.status()).as(details.body()).isEqualTo(200);
        assertThat(details.document().getElementById("givenName")).isNotNull();
        assertThat(details.document().getElementById("surname")).isNotNull();
        assertThat(details.document().getElementById("displayName")).as("supplied by the provider").isNull();
        assertThat(details.document().getElementById("email").text()).isEqualTo(email);
        assertThat(userWith(t, ISSUER, subject)).as("no user before the page is done").isEmpty();

        Browser.Response invalid = browser.submit(details, "form#attributeVerification", "button#continue",
                Map.of("givenName", "", "surname", "Hopper"));
        assertThat(invalid.fieldError("givenName")).isNotEmpty();
        assertThat(usersIn(t)).isZero();

        Browser.Response done = browser.submit(invalid, "form#attributeVerification", "button#continue",
                Map.of("givenName", "Grace", "surname", "Hopper"));
        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_social", done));

        User user = userWith(t, ISSUER, subject).orElseThrow();
        assertThat(claims.getSubject()).isEqualTo(user.objectId().toString());
        assertThat(claims.getStringClaim("idp")).isEqualTo(ISSUER);
        assertThat(claims.getStringListClaim("amr")).containsExactly("fed");
        assertThat(claims.getStringListClaim("emails")).containsExactly(email);
        assertThat(claims.getBooleanClaim("newUser")).isTrue();
        assertThat(claims.getStringClaim("given_name")).isEqualTo("Grace");
        assertThat(user.displayName()).isEqualTo("Grace Hopper");
        assertThat(user.email()).as("no local sign-in email for a social user").isEmpty();
        assertThat(user.identities()).singleElement().satisfies(i -> assertThat(i.isFederated()).isTrue());
        assertThat(auditTypes(t)).contains("signUp.succeeded");
    }

    @Test
    void secondSignInWhenIdentityIsKnownThenSameSubjectWithoutAnyPage() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, null);
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));

        JWTClaimsSet first = idToken(tokensOf(t, "B2C_1_social", signInWithContoso(t, browser())));
        JWTClaimsSet second = idToken(tokensOf(t, "B2C_1_social", signInWithContoso(t, browser())));

        assertThat(second.getSubject()).isEqualTo(first.getSubject());
        assertThat(first.getBooleanClaim("newUser")).isTrue();
        assertThat(second.getClaim("newUser")).isNull();
        assertThat(second.getStringListClaim("amr")).containsExactly("fed");
        assertThat(usersIn(t)).isEqualTo(1);
        assertThat(auditTypes(t)).containsSubsequence("signUp.succeeded", "signIn.succeeded");
    }

    @Test
    void domainHintWhenItNamesAProviderOfTheFlowThenGoesStraightUpstream() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, "contoso.example");
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();

        Browser.Response atProvider = browser.open(authorizeUrl(t, "B2C_1_social",
                Map.of("domain_hint", "Contoso.EXAMPLE")));
        assertThat(atProvider.isRedirect()).isTrue();
        assertThat(atProvider.location().get()).startsWith(FakeConnector.AUTHORIZE);
        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_social", approve(browser, atProvider)));
        assertThat(claims.getStringClaim("idp")).isEqualTo(ISSUER);

        Browser.Response unknownHint = browser().open(authorizeUrl(t, "B2C_1_social",
                Map.of("domain_hint", "elsewhere.example")));
        assertThat(unknownHint.document().selectFirst("form#localAccountForm")).isNotNull();
    }

    @Test
    void ssoWhenSignedInWithAProviderThenSilentWithTheSameIdpUntilPromptLogin() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, "contoso.example");
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();
        JWTClaimsSet first = idToken(tokensOf(t, "B2C_1_social", signInWithContoso(t, browser)));

        Browser.Response silent = browser.open(authorizeUrl(t, "B2C_1_social", Map.of("prompt", "none")));
        JWTClaimsSet again = idToken(tokensOf(t, "B2C_1_social", silent));
        assertThat(again.getSubject()).isEqualTo(first.getSubject());
        assertThat(again.getStringClaim("idp")).isEqualTo(ISSUER);
        assertThat(again.getStringListClaim("amr")).containsExactly("fed");

        Browser.Response hinted = browser.open(authorizeUrl(t, "B2C_1_social", Map.of("domain_hint", "contoso.example")));
        assertThat(appResponse(hinted, t.webRedirectUri())).as("the session satisfies sign-in").containsKey("code");

        Browser.Response tooOld = browser.open(authorizeUrl(t, "B2C_1_social", Map.of("max_age", "0")));
        assertThat(tooOld.document().selectFirst(SOCIAL_FORM + " button#Contoso")).as("max_age=0 asks again")
                .isNotNull();
        Browser.Response forced = browser.open(authorizeUrl(t, "B2C_1_social", Map.of("prompt", "login")));
        assertThat(forced.document().selectFirst(SOCIAL_FORM + " button#Contoso")).isNotNull();
        Browser.Response forcedHint = browser.open(authorizeUrl(t, "B2C_1_social",
                Map.of("prompt", "login", "domain_hint", "contoso.example")));
        assertThat(forcedHint.location().orElse("")).startsWith(FakeConnector.AUTHORIZE);
    }

    @Test
    void userinfoWhenSocialUserThenEmailsAndIdpOfTheProvider() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, null);
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        JsonNode tokens = tokensOf(t, "B2C_1_social", signInWithContoso(t, browser()));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        origin() + "/" + t.name() + "/B2C_1_social/openid/v2.0/userinfo"))
                .header("Authorization", "Bearer " + tokens.get("access_token").asString()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("idp").asString()).isEqualTo(ISSUER);
        assertThat(body.get("emails").get(0).asString()).isEqualTo(email);
    }

    @Test
    void unverifiedEmailWhenFirstSignInThenNotKeptAsTheUsersEmail() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, null);
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), false));

        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_social", signInWithContoso(t, browser())));

        assertThat(claims.getClaim("emails")).isNull();
        assertThat(claims.getStringClaim("name")).isEqualTo("Grace Hopper");
    }

    @Test
    void signInOnlyFlowWhenTheIdentityHasNoUserThenAccessDeniedAndNoUser() {
        TestTenant t = newTenant();
        IdentityProvider contoso = provider(t, "Contoso", "Contoso ID", null);
        flow(t, "signin", UserFlowType.SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), List.of());
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();

        Browser.Response back = approve(browser, pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_signin", Map.of("state", "s1"))), "Contoso"));

        Map<String, String> response = appResponse(back, t.webRedirectUri());
        assertThat(response).containsEntry("error", "access_denied").containsEntry("state", "s1");
        assertThat(response.get("error_description")).startsWith("AADB2C99002: ");
        assertThat(usersIn(t)).isZero();
    }

    @Test
    void idpAccessTokenWhenTheFlowSelectsItThenTheUpstreamTokenIsInTheTokensButNotStoredInClear() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = provider(t, "Contoso", "Contoso ID", null);
        List<String> claims = new java.util.ArrayList<>(CLAIMS);
        claims.add("idp_access_token");
        flow(t, "social", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), ATTRIBUTES, claims);
        flow(t, "plain", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), ATTRIBUTES);
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();

        Browser.Response back = signInWithContoso(t, browser);
        String codes = jdbc.sql("select request from authorization_code where tenant_id = ?")
                .param(t.tenant().id()).query(String.class).list().toString();
        JsonNode tokens = tokensOf(t, "B2C_1_social", back);
        String refreshTokens = jdbc.sql("select claims from refresh_token where tenant_id = ?")
                .param(t.tenant().id()).query(String.class).list().toString();

        assertThat(idToken(tokens).getStringClaim("idp_access_token")).isEqualTo("upstream-access-token");
        assertThat(codes).contains("sealedIdpAccessToken").doesNotContain("upstream-access-token");
        assertThat(refreshTokens).contains("sealedIdpAccessToken").doesNotContain("upstream-access-token");
        Browser other = browser();
        JWTClaimsSet plain = idToken(tokensOf(t, "B2C_1_plain", approve(other, pressProvider(other,
                other.open(authorizeUrl(t, "B2C_1_plain", Map.of())), "Contoso"))));
        assertThat(plain.getClaim("idp_access_token")).isNull();
    }

    @Test
    void profileEditingWhenASocialUserSignsInWithTheProviderThenEditsTheProfile() {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, null);
        flow(t, "edit", UserFlowType.PROFILE_EDITING, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), ATTRIBUTES);
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        tokensOf(t, "B2C_1_social", signInWithContoso(t, browser()));
        Browser browser = browser();

        Browser.Response edit = approve(browser, pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_edit", Map.of())), "Contoso"));

        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        assertThat(edit.document().getElementById("givenName")).as(edit.body()).isNotNull();
    }

    @Test
    void firstSignInWhenTheProviderSuppliesUnusableValuesThenAsksForThemInstead() {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, null);
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, Map.of("email", email,
                "displayName", "Grace\u0007Hopper", "givenName", "G".repeat(300), "surname", "Hopper"), true));
        Browser browser = browser();

        Browser.Response details = signInWithContoso(t, browser);

        assertThat(details.document().getElementById("displayName")).as(details.body()).isNotNull();
        assertThat(details.document().getElementById("givenName")).isNotNull();
        assertThat(details.document().getElementById("surname")).isNull();
    }

    /** Signs in with Contoso from the social flow's page in {@code browser}; returns the redirect to the app. */
    private Browser.Response signInWithContoso(TestTenant t, Browser browser) {
        return approve(browser, pressProvider(browser, browser.open(authorizeUrl(t, "B2C_1_social", Map.of())),
                "Contoso"));
    }

    @Test
    void formPostCallbackWhenTheBrowserCookieIsMissingThenARepostPageContinuesFromThisSite() throws Exception {
        TestTenant t = newTenant();
        IdentityProvider contoso = contosoInSocialFlow(t, null);
        String email = uniqueEmail();
        fake.willSignIn(contoso, identity(ISSUER, "sub-" + email, fullProfile(email), true));
        Browser browser = browser();
        Browser.Response atProvider = pressProvider(browser,
                browser.open(authorizeUrl(t, "B2C_1_social", Map.of())), "Contoso");
        Map<String, String> sent = query(atProvider.location().orElseThrow());
        Map<String, String> posted = Map.of("code", FakeConnector.CODE, "state", sent.get("state"));

        // A provider's cross-site form post: the SameSite=Lax browser cookie does not come with it.
        Browser.Response repost = browser().post(sent.get("redirect_uri"), posted);
        assertThat(repost.status()).isEqualTo(200);
        assertThat(repost.document().selectFirst("form#callbackRepost")).as(repost.body()).isNotNull();
        assertThat(repost.header("Set-Cookie")).as("no new browser cookie to replace the journey's").isEmpty();
        Browser.Response again = browser().post(sent.get("redirect_uri"),
                Map.of("code", FakeConnector.CODE, "state", sent.get("state"), "foyer_reposted", "1"));
        assertThat(again.status()).as("a re-post without the cookie is not re-posted again").isEqualTo(400);

        Browser.Response done = browser.submit(repost, "form#callbackRepost", "button#continue", Map.of());
        JWTClaimsSet claims = idToken(tokensOf(t, "B2C_1_social", done));
        assertThat(claims.getStringListClaim("amr")).containsExactly("fed");
        assertThat(usersIn(t)).isEqualTo(1);
    }

    /** Provider "Contoso" (fake connector) of {@code t}, listed with local accounts in flow B2C_1_social. */
    private IdentityProvider contosoInSocialFlow(TestTenant t, String domainHint) {
        IdentityProvider contoso = provider(t, "Contoso", "Contoso ID", domainHint);
        flow(t, "social", UserFlowType.SIGN_UP_OR_SIGN_IN, MfaSettings.OFF,
                List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Contoso"), ATTRIBUTES);
        return contoso;
    }
}
