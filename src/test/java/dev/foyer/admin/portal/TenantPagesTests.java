package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.tenant.TenantContext;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Tenants, app registrations, users and their phones, and signing keys in the portal. */
class TenantPagesTests extends PortalTest {

    @Test
    void homeListsTenantsAndATenantPageLinksToItsParts() {
        Browser.Response home = page("/admin");
        Element link = home.document().getElementById("tenant-" + t.name());
        assertThat(link).as(home.body()).isNotNull();
        assertThat(home.document().getElementById("tenant-system")).isNull();
        assertThat(home.document().getElementById("nav-tenants")).isNotNull();
        assertThat(home.document().selectFirst("form[action=/admin/signout] input[name=csrf_token]")).isNotNull();

        Browser.Response tenant = page(link.absUrl("href"));
        assertThat(text(tenant, "tenantId")).isEqualTo(t.tenant().id().toString());
        assertThat(tenant.document().select("a").eachText()).contains("User flows", "App registrations", "Users",
                "Keys");
    }

    @Test
    void appRegistrationsShowClientIdsAndReplyUrls() {
        Browser.Response apps = page(tenantPath() + "/applications");
        assertThat(apps.document().getElementById("app-" + t.webClientId()).text())
                .contains("Web App", t.webClientId().toString(), t.webRedirectUri(), "https://app.example/logout");
        assertThat(apps.document().getElementById("app-" + t.spaClientId()).text()).contains("SPA", t.spaRedirectUri());
    }

    @Test
    void userWhenFoundByEmailThenShowsTheMaskedPhoneAndRemovingItMakesThemEnrollAgain() {
        String email = uniqueEmail();
        Browser user = browser();
        Browser.Response phonePage = signUp(user, user.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())), email,
                PASSWORD);
        appResponse(completePhoneStep(user, phonePage), t.webRedirectUri());

        Browser.Response search = page(tenantPath() + "/users");
        assertThat(search.document().selectFirst("form#userSearch").attr("method")).isEqualTo("get");
        Browser.Response found = admin.open(search.document().selectFirst("form#userSearch").absUrl("action")
                + "?email=" + email.toUpperCase());
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(text(found, "userEmail")).isEqualTo(email);
        assertThat(found.document().select("#phones td.phone").eachText()).singleElement().asString()
                .matches("\\+1 XXX-XXX-\\d{4}");
        assertThat(found.body()).doesNotContainPattern(dev.foyer.testing.TestPhoneNumbers.UNMASKED);

        Browser.Response removed = admin.submit(found, "#phones form", "button.removePhone", Map.of());
        assertThat(removed.document().getElementById("saved")).as(removed.body()).isNotNull();
        assertThat(removed.document().getElementById("noPhones")).isNotNull();

        Browser again = browser();
        Browser.Response next = signIn(again, again.open(authorizeUrl(t, "B2C_1_susi_mfa", Map.of())), email, PASSWORD);
        assertThat(next.document().getElementById("number")).as("asked for a new number").isNotNull();
    }

    @Test
    void userSearchWhenTheAddressIsUnknownOrInvalidThenSaysSo() {
        Browser.Response unknown = admin.get(tenantPath() + "/users?email=nobody%40example.com");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.fieldError("email")).isEqualTo("No user of this tenant signs in with nobody@example.com.");
        Browser.Response invalid = admin.get(tenantPath() + "/users?email=not-an-address");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.fieldError("email")).isEqualTo("Please enter a valid email address.");
    }

    @Test
    void keysWhenRotatedThenANewKeyIsActiveAndTheOldStaysPublished() {
        Browser.Response keys = page(tenantPath() + "/keys");
        List<String> before = keys.document().select("#keys tbody tr").eachText();
        assertThat(before).singleElement().asString().contains("Active");

        Map<String, String> noCsrf = admin.formValues(keys, "form#rotateForm");
        noCsrf.remove("csrf_token");
        assertThat(admin.post(admin.formAction(keys, "form#rotateForm"), noCsrf).status()).isEqualTo(403);

        Browser.Response rotated = admin.submit(keys, "form#rotateForm", "button#rotate", Map.of());
        assertThat(rotated.document().getElementById("saved")).isNotNull();
        List<String> after = rotated.document().select("#keys tbody tr").eachText();
        assertThat(after).hasSize(2);
        assertThat(after.get(0)).contains("Active").isNotEqualTo(before.get(0));
        assertThat(after.get(1)).contains("Retired");
        String activeKid = TenantContext.call(t.tenant(), () -> jdbc.sql(
                "select count(*) from signing_key where tenant_id = ?").param(t.tenant().id()).query(Long.class).single())
                .toString();
        assertThat(activeKid).isEqualTo("2");
    }

    @Test
    void pagesWithoutASessionGoToSignInAndFormsAreForbidden() {
        Browser anonymous = browser();
        assertThat(anonymous.get(flowPath("B2C_1_susi") + "/properties").status()).isEqualTo(302);
        assertThat(anonymous.post(tenantPath() + "/keys/rotate", Map.of("csrf_token", "x")).status()).isEqualTo(403);
    }
}
