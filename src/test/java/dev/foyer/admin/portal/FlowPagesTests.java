package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The user flow list, a new flow, and a flow's Overview, Identity providers, User attributes and Application claims. */
class FlowPagesTests extends PortalTest {

    @org.springframework.beans.factory.annotation.Autowired
    dev.foyer.admin.manage.AttributeAdministration attributeAdministration;

    /** Flows may only use custom attributes the tenant defines (see the admin API's userAttributes). */
    private void defineLoyaltyNumber() {
        dev.foyer.tenant.TenantContext.run(t.tenant(), () -> attributeAdministration.create("LoyaltyNumber", "string",
                "Loyalty programme number", new dev.foyer.admin.access.AdminCaller(
                        dev.foyer.admin.access.AdminCaller.Kind.ADMIN, "test", "test", false)));
    }

    @Test
    void listWhenOpenedThenShowsTheTenantsFlowsWithTheirTypeAndMfa() {
        Browser.Response list = page(tenantPath() + "/userFlows");
        assertThat(text(list, "flow-B2C_1_susi")).isEqualTo("B2C_1_susi");
        assertThat(text(list, "flow-B2C_1_susi_mfa")).isEqualTo("B2C_1_susi_mfa");
        assertThat(list.document().select("#flows tbody tr").eachText())
                .containsExactly("B2C_1_susi Sign up and sign in Off", "B2C_1_susi_mfa Sign up and sign in On");
    }

    @Test
    void newFlowWhenCreatedThenItsPageOpensWithB2CDefaults() {
        Browser.Response form = page(page(tenantPath() + "/userFlows").document().getElementById("newFlow")
                .absUrl("href"));
        Browser.Response created = admin.submit(form, "form#newFlowForm", "button#create",
                Map.of("name", "signin_portal", "type", "SIGN_IN"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.uri().getPath()).isEqualTo(flowPath("B2C_1_signin_portal"));
        assertThat(created.document().getElementById("created")).isNotNull();
        assertThat(text(created, "flowName")).isEqualTo("B2C_1_signin_portal");
        UserFlow flow = stored("B2C_1_signin_portal");
        assertThat(flow.type()).isEqualTo(UserFlowType.SIGN_IN);
        assertThat(flow.properties().mfa().isOn()).isFalse();
    }

    @Test
    void newFlowWhenNameIsBadOrTakenThenTheReasonIsShownAndNothingIsCreated() {
        Browser.Response form = page(tenantPath() + "/userFlows/new");
        Browser.Response bad = admin.submit(form, "form#newFlowForm", "button#create", Map.of("name", "my flow!"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldError("name")).startsWith("A user flow name has 1 to 50 letters");
        assertThat(bad.document().getElementById("name").val()).isEqualTo("my flow!");

        Browser.Response taken = admin.submit(form, "form#newFlowForm", "button#create", Map.of("name", "susi"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.fieldError("name")).isEqualTo("A user flow named B2C_1_susi already exists.");

        Map<String, String> withoutCsrf = admin.formValues(form, "form#newFlowForm");
        withoutCsrf.remove("csrf_token");
        withoutCsrf.put("name", "nocsrf");
        assertThat(admin.post(admin.formAction(form, "form#newFlowForm"), withoutCsrf).status()).isEqualTo(403);
        assertThat(page(tenantPath() + "/userFlows").body()).doesNotContain("nocsrf");
    }

    @Test
    void overviewShowsTheFlowsAddressesAndIdentityProvidersShowLocalAccount() {
        Browser.Response overview = page(flowPath("B2C_1_susi"));
        String base = origin() + "/" + t.name() + "/b2c_1_susi";
        assertThat(text(overview, "issuer")).isEqualTo(base + "/v2.0");
        assertThat(text(overview, "discoveryUrl")).isEqualTo(base + "/v2.0/.well-known/openid-configuration");
        assertThat(admin.get(base + "/v2.0/.well-known/openid-configuration").status()).isEqualTo(200);
        assertThat(overview.document().select("nav.tabs a").eachText()).contains("Overview", "Properties",
                "Identity providers", "User attributes", "Application claims");

        Browser.Response providers = page(flowPath("B2C_1_susi") + "/identityProviders");
        assertThat(providers.document().select("form#identityProvidersForm input[type=checkbox]").eachAttr("value"))
                .containsExactly("LocalAccount");
        assertThat(providers.document().select("form#identityProvidersForm input[checked]").eachAttr("value"))
                .containsExactly("LocalAccount");
    }

    @Test
    void runWhenAReplyUrlOfTheApplicationIsChosenThenTheHostedFlowOpensAndTheTokenGoesThere() {
        Browser.Response overview = page(flowPath("B2C_1_susi") + "?runApplication=" + t.webClientId());
        assertThat(overview.document().selectFirst("#runApplication option[selected]").val())
                .isEqualTo(t.webClientId().toString());
        assertThat(overview.document().select("#runApplication option").eachAttr("value"))
                .contains(t.webClientId().toString(), t.spaClientId().toString());
        assertThat(overview.document().select("#runReplyUrl option").eachAttr("value"))
                .contains(t.webRedirectUri(), t.spaRedirectUri());

        Browser.Response redirect = admin.get(flowPath("B2C_1_susi") + "/run?runApplication=" + t.webClientId()
                + "&runReplyUrl=" + URLEncoder.encode(t.webRedirectUri(), StandardCharsets.UTF_8));
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.location().orElseThrow();
        assertThat(location).contains("/" + t.name() + "/b2c_1_susi/oauth2/v2.0/authorize?client_id=" + t.webClientId())
                .contains("redirect_uri=" + URLEncoder.encode(t.webRedirectUri(), StandardCharsets.UTF_8))
                .contains("response_type=id_token").contains("response_mode=form_post").contains("nonce=");

        Browser user = browser();
        Browser.Response done = signUp(user, user.open(location), uniqueEmail(), PASSWORD);
        assertThat(done.document().selectFirst("form[action='" + t.webRedirectUri() + "'] input[name=id_token]"))
                .as(done.body()).isNotNull();
    }

    @Test
    void runWhenTheTokenViewerIsChosenThenTheFlowEndsOnTheViewerShowingTheIdToken() {
        Browser.Response overview = page(flowPath("B2C_1_susi"));
        assertThat(overview.document().selectFirst("#runApplication option[selected]").val()).isEqualTo("tokenviewer");
        assertThat(overview.document().selectFirst("#runReplyUrl option[selected]").val())
                .isEqualTo(origin() + "/tokenviewer");
        assertThat(overview.document().select("#runApplication option").eachText()).doesNotContain("Token viewer")
                .as("listed once, as the built-in option").contains("Token viewer (shows the ID token)");

        Browser.Response redirect = admin.get(flowPath("B2C_1_susi") + "/run?runApplication=tokenviewer&runReplyUrl=");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.location().orElseThrow())
                .startsWith(origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/authorize?client_id=")
                .contains("redirect_uri=" + URLEncoder.encode(origin() + "/tokenviewer", StandardCharsets.UTF_8))
                .contains("response_mode=form_post").contains("nonce=");

        Browser user = browser();
        String email = uniqueEmail();
        Browser.Response formPost = signUp(user, user.open(redirect.location().get()), email, PASSWORD);
        Browser.Response viewer = user.submit(formPost, "form#auto", "button#continue", Map.of());
        assertThat(viewer.status()).as(viewer.body()).isEqualTo(200);
        assertThat(text(viewer, "claim-tfp")).isEqualTo("B2C_1_susi");
        assertThat(text(viewer, "claim-emails")).contains(email);
        assertThat(text(viewer, "header")).contains("RS256");
    }

    @Test
    void runWhenTheReplyUrlIsNotTheApplicationsThenTheFlowPageSaysSo() {
        Browser.Response refused = admin.get(flowPath("B2C_1_susi") + "/run?runApplication=" + t.webClientId()
                + "&runReplyUrl=" + URLEncoder.encode(t.spaRedirectUri(), StandardCharsets.UTF_8));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(text(refused, "runError")).isEqualTo("Choose one of the reply URLs of Web App.");
        assertThat(refused.document().selectFirst("#runReplyUrl option[selected]").val()).as("one of Web App's")
                .isIn(t.webRedirectUri(), "https://app.example/signed-out");

        Browser.Response noApp = admin.get(flowPath("B2C_1_susi") + "/run?runApplication=nope&runReplyUrl=x");
        assertThat(noApp.status()).isEqualTo(400);
        assertThat(text(noApp, "runError")).isEqualTo("Choose an application to run the user flow for.");
    }

    @Test
    void userAttributesWhenSavedThenTheSignUpPageAsksForThem() {
        defineLoyaltyNumber();
        Browser.Response page = page(flowPath("B2C_1_susi") + "/userAttributes");
        assertThat(page.document().select("form#attributesForm input[type=checkbox][checked]").eachAttr("value"))
                .containsExactly("displayName", "givenName", "surname");
        Browser.Response saved = admin.post(admin.formAction(page, "form#attributesForm"), Map.of(
                "csrf_token", page.document().selectFirst("input[name=csrf_token]").val(),
                "version", page.document().getElementById("version").val(),
                "attributes", "givenName", "newAttribute", "extension_LoyaltyNumber"));
        Browser.Response shown = admin.follow(saved);
        assertThat(shown.document().getElementById("saved")).as(shown.body()).isNotNull();
        assertThat(shown.document().select("form#attributesForm input[type=checkbox][checked]").eachAttr("value"))
                .containsExactly("givenName", "extension_LoyaltyNumber");
        assertThat(stored("B2C_1_susi").definition().signUpAttributes())
                .containsExactly("givenName", "extension_LoyaltyNumber");
    }

    @Test
    void userAttributeWhenTheCustomNameIsBadThenTheReasonIsShownAndNothingIsSaved() {
        UserFlow before = stored("B2C_1_susi");
        Browser.Response page = page(flowPath("B2C_1_susi") + "/userAttributes");
        Browser.Response refused = admin.submit(page, "form#attributesForm", "button#save",
                Map.of("newAttribute", "loyalty number"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("newAttribute")).isEqualTo("Unknown user attribute: loyalty number");
        assertThat(stored("B2C_1_susi")).isEqualTo(before);
    }

    @Test
    void applicationClaimsWhenSavedThenStoredAndAStaleFormIsRefused() {
        defineLoyaltyNumber();
        Browser.Response page = page(flowPath("B2C_1_susi") + "/applicationClaims");
        Map<String, String> form = Map.of("csrf_token", page.document().selectFirst("input[name=csrf_token]").val(),
                "version", page.document().getElementById("version").val(), "claims", "emails",
                "newClaim", "extension_LoyaltyNumber");
        Browser.Response shown = admin.follow(admin.post(admin.formAction(page, "form#claimsForm"), form));
        assertThat(shown.document().getElementById("saved")).as(shown.body()).isNotNull();
        assertThat(stored("B2C_1_susi").definition().applicationClaims()).isEqualTo(List.of("emails",
                "extension_LoyaltyNumber"));

        Browser.Response stale = admin.post(admin.formAction(page, "form#claimsForm"), Map.of(
                "csrf_token", form.get("csrf_token"), "version", form.get("version"), "claims", "oid"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.pageError()).contains("changed by someone else");
        assertThat(stored("B2C_1_susi").definition().applicationClaims()).contains("emails");
    }

    @Test
    void unknownFlowOrTenantIsNotFound() {
        assertThat(admin.get(flowPath("B2C_1_nope")).status()).isEqualTo(404);
        assertThat(admin.get("/admin/tenants/nope/userFlows").status()).isEqualTo(404);
        assertThat(admin.get("/admin/tenants/system/userFlows").status()).as("the system tenant is not edited here")
                .isEqualTo(404);
    }
}
