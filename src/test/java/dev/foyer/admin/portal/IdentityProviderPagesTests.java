package dev.foyer.admin.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.Identity;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.UserRepository;
import dev.foyer.federation.IdentityProvider;
import dev.foyer.federation.IdentityProviderRepository;
import dev.foyer.secrets.SecretBox;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Identity providers from the portal: added by kind, shown with the redirect URI to register, the
 * secret kept when left empty, deletion refused while a flow uses one; flows choose them with
 * checkboxes; a user's federated identities are removed from the user's page.
 */
class IdentityProviderPagesTests extends PortalTest {

    @Autowired
    IdentityProviderRepository providers;
    @Autowired
    SecretBox box;
    @Autowired
    UserRepository users;

    @Test
    void presetIsAddedWithOnlyItsCredentialsAndShowsTheRedirectUri() {
        Browser.Response list = page(tenantPath() + "/identityProviders");
        assertThat(page(tenantPath()).document().select("a[href$=/identityProviders]")).isNotEmpty();
        assertThat(list.document().select("form#kindForm[method=get] select#kind option").eachAttr("value"))
                .contains("GOOGLE", "OPENID_CONNECT", "OAUTH2");
        Browser.Response form = page(tenantPath() + "/identityProviders?kind=GOOGLE");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().getElementById("metadataUrl")).as("a preset needs no URLs").isNull();
        assertThat(form.document().getElementById("name").val()).isEqualTo("Google");

        Browser.Response missing = admin.submit(form, "form#providerForm", "button#add",
                Map.of("clientId", "google-client", "clientSecret", ""));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.fieldError("clientSecret")).isNotEmpty();
        assertThat(missing.document().getElementById("clientId").val()).isEqualTo("google-client");
        assertThat(provider("Google")).isNull();

        Browser.Response created = admin.submit(form, "form#providerForm", "button#add",
                Map.of("clientId", "google-client", "clientSecret", "portal-secret-1", "domainHint", "google.com"));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.uri().getPath()).isEqualTo(tenantPath() + "/identityProviders/Google");
        assertThat(text(created, "redirectUri")).isEqualTo(origin() + "/" + t.name() + "/oauth2/authresp");
        assertThat(created.body()).doesNotContain("portal-secret-1");
        IdentityProvider google = provider("Google");
        assertThat(google.clientId()).isEqualTo("google-client");
        assertThat(google.settings().domainHint()).isEqualTo("google.com");
        assertThat(box.open(google.sealedClientSecret(), IdentityProvider.secretBinding(google.id())))
                .isEqualTo("portal-secret-1");

        Browser.Response taken = admin.submit(form, "form#providerForm", "button#add",
                Map.of("name", "google", "clientId", "again", "clientSecret", "s"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.fieldError("name")).contains("already exists");
    }

    @Test
    void genericProviderIsEditedKeepingTheSecretWhenLeftEmpty() {
        Browser.Response oidc = page(tenantPath() + "/identityProviders?kind=OPENID_CONNECT");
        assertThat(oidc.document().getElementById("metadataUrl")).isNotNull();
        assertThat(oidc.document().getElementById("authorizationUrl")).isNull();
        assertThat(admin.get(tenantPath() + "/identityProviders?kind=MYSPACE").status()).isEqualTo(400);
        Browser.Response form = page(tenantPath() + "/identityProviders?kind=OAUTH2");
        assertThat(form.document().getElementById("metadataUrl")).isNull();
        Map<String, String> fields = new HashMap<>(Map.of("name", "Corp", "clientId", "corp",
                "clientSecret", "first", "authorizationUrl", "https://corp.example/authorize",
                "tokenUrl", "https://corp.example/token", "userInfoUrl", "ftp://corp.example/me",
                "scopes", "profile email", "claim_userId", "id"));
        Browser.Response bad = admin.submit(form, "form#providerForm", "button#add", fields);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.fieldError("userInfoUrl")).contains("https");
        assertThat(bad.body()).doesNotContain("value=\"first\"");

        fields.put("userInfoUrl", "https://corp.example/me");
        Browser.Response created = admin.submit(form, "form#providerForm", "button#add", fields);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        IdentityProvider corp = provider("Corp");
        assertThat(corp.settings().scopes()).containsExactly("profile", "email");
        assertThat(corp.settings().claimMapping()).containsEntry("userId", "id");
        String sealed = corp.sealedClientSecret();

        Browser.Response saved = admin.submit(created, "form#providerForm", "button#save",
                Map.of("displayName", "Corporate", "clientSecret", ""));
        assertThat(saved.document().getElementById("saved")).as(saved.body()).isNotNull();
        assertThat(provider("Corp").displayName()).isEqualTo("Corporate");
        assertThat(provider("Corp").sealedClientSecret()).isEqualTo(sealed);

        Browser.Response cleared = admin.submit(saved, "form#providerForm", "button#save", Map.of("claim_userId", ""));
        assertThat(cleared.status()).isEqualTo(400);
        assertThat(cleared.fieldError("claimMapping")).isNotEmpty();
        assertThat(provider("Corp").settings().claimMapping()).containsEntry("userId", "id");

        Browser.Response replaced = admin.submit(saved, "form#providerForm", "button#save",
                Map.of("clientSecret", "second"));
        assertThat(replaced.status()).isEqualTo(200);
        IdentityProvider after = provider("Corp");
        assertThat(box.open(after.sealedClientSecret(), IdentityProvider.secretBinding(after.id()))).isEqualTo("second");

        Map<String, String> withoutCsrf = form(saved, "form#providerForm", Map.of("displayName", "Forged"));
        withoutCsrf.remove("csrf_token");
        assertThat(admin.post(admin.formAction(saved, "form#providerForm"), withoutCsrf).status()).isEqualTo(403);
        assertThat(provider("Corp").displayName()).isEqualTo("Corporate");
    }

    @Test
    void flowChoosesProvidersWithCheckboxesAndAProviderInUseIsNotDeleted() {
        Browser.Response list = page(tenantPath() + "/identityProviders?kind=GITHUB");
        admin.submit(list, "form#providerForm", "button#add", Map.of("clientId", "gh", "clientSecret", "s"));
        Browser.Response blade = page(flowPath("B2C_1_susi") + "/identityProviders");
        assertThat(blade.document().select("form#identityProvidersForm input[type=checkbox]").eachAttr("value"))
                .containsExactly("LocalAccount", "GitHub");

        Map<String, String> none = form(blade, "form#identityProvidersForm", Map.of());
        none.remove("providers");
        Browser.Response refused = admin.follow(admin.post(admin.formAction(blade, "form#identityProvidersForm"), none));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldError("identityProviders")).contains("at least one");

        Map<String, String> base = form(blade, "form#identityProvidersForm", Map.of());
        Browser.Response saved = admin.follow(admin.postEncoded(admin.formAction(blade, "form#identityProvidersForm"),
                "csrf_token=" + base.get("csrf_token") + "&version=" + base.get("version")
                        + "&providers=LocalAccount&providers=GitHub"));
        assertThat(saved.document().getElementById("saved")).as(saved.body()).isNotNull();
        assertThat(stored("B2C_1_susi").definition().identityProviders()).containsExactly("LocalAccount", "GitHub");
        assertThat(saved.document().select("form#identityProvidersForm input[checked]").eachAttr("value"))
                .containsExactly("LocalAccount", "GitHub");

        Browser.Response provider = page(tenantPath() + "/identityProviders/GitHub");
        assertThat(text(provider, "usedBy")).contains("B2C_1_susi");
        Browser.Response kept = admin.submit(provider, "form#deleteForm", "button#delete", Map.of());
        assertThat(kept.status()).isEqualTo(409);
        assertThat(text(kept, "pageError")).contains("B2C_1_susi");
        assertThat(provider("GitHub")).isNotNull();

        Browser.Response susi = page(flowPath("B2C_1_susi") + "/identityProviders");
        admin.follow(admin.postEncoded(admin.formAction(susi, "form#identityProvidersForm"), "csrf_token="
                + base.get("csrf_token") + "&version=" + stored("B2C_1_susi").version() + "&providers=LocalAccount"));
        Browser.Response deleted = admin.submit(page(tenantPath() + "/identityProviders/GitHub"), "form#deleteForm",
                "button#delete", Map.of());
        assertThat(deleted.document().getElementById("deleted")).as(deleted.body()).isNotNull();
        assertThat(provider("GitHub")).isNull();
    }

    @Test
    void userPageListsIdentitiesAndRemovesAFederatedOneButNotTheLast() {
        UUID user = TenantContext.call(t.tenant(), () -> {
            UUID id = accounts.signUp(new NewUser(EmailAddress.parse(uniqueEmail()), PASSWORD, "Ada", null, null,
                    Map.of())).objectId();
            users.addIdentity(id, Identity.federated("google.com", "g-42"));
            return id;
        });
        Browser.Response page = page(tenantPath() + "/users/" + user);
        assertThat(page.document().select("#identities tbody tr")).hasSize(2);
        assertThat(page.document().select("button.removeIdentity")).as("only federated ones").hasSize(1);

        Browser.Response removed = admin.submit(page, "form:has(button.removeIdentity)", "button.removeIdentity",
                Map.of());
        assertThat(removed.document().getElementById("identityRemoved")).as(removed.body()).isNotNull();
        assertThat(removed.document().select("#identities tbody tr")).hasSize(1);
        assertThat(TenantContext.call(t.tenant(), () -> users.findByIdentity(Identity.federated("google.com",
                "g-42")))).isEmpty();

        UUID social = TenantContext.call(t.tenant(), () -> {
            UUID id = accounts.signUp(new NewUser(EmailAddress.parse(uniqueEmail()), PASSWORD, "Bo", null, null,
                    Map.of())).objectId();
            Identity local = users.findById(id).orElseThrow().identities().get(0);
            users.addIdentity(id, Identity.federated("github.com", "gh-7"));
            users.removeIdentity(id, local);
            return id;
        });
        Browser.Response only = page(tenantPath() + "/users/" + social);
        Browser.Response refused = admin.submit(only, "form:has(button.removeIdentity)", "button.removeIdentity",
                Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(text(refused, "pageError")).contains("only identity");
    }

    private IdentityProvider provider(String name) {
        return TenantContext.call(t.tenant(), () -> providers.findByName(name).orElse(null));
    }
}
