package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.audit.AuditEvent;
import dev.foyer.audit.AuditLog;
import dev.foyer.audit.AuditQuery;
import dev.foyer.directory.Accounts;
import dev.foyer.directory.EmailAddress;
import dev.foyer.directory.Identity;
import dev.foyer.directory.NewUser;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.secrets.SecretBox;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Linking another provider from the profile editing flow: profile page → "Linked accounts" →
 * "Link Google" → a real OpenID Connect provider running in the test JVM (one issuer per provider)
 * → back at {@code oauth2/authresp} → the linked-accounts page with the outcome.
 */
class LinkIdentityFlowTests extends EndToEndTest {

    static final String FLOW = "B2C_1_profile_edit";
    static final String PROFILE_FORM = "form#attributeVerification";
    static final String LINK_FORM = "form#linkAccounts";
    static String googleIssuer;
    static String githubIssuer;
    private static MockOAuth2Server upstream;

    @Autowired
    Accounts accounts;
    @Autowired
    UserRepository users;
    @Autowired
    IdentityProviderRepository providers;
    @Autowired
    SecretBox secretBox;
    @Autowired
    AuditLog auditLog;

    private TestTenant t;
    private String email;
    private User user;
    private String lastCallback;

    @BeforeAll
    static void startProvider() {
        upstream = new MockOAuth2Server();
        upstream.start(InetAddress.getLoopbackAddress(), 0);
        googleIssuer = upstream.issuerUrl("google").toString();
        githubIssuer = upstream.issuerUrl("github").toString();
    }

    @AfterAll
    static void stopProvider() {
        upstream.shutdown();
    }

    @BeforeEach
    void tenantWithProvidersAndOneAccount() throws IOException {
        t = newTenant();
        provider("Google", "Google", upstream.wellKnownUrl("google").toString(), true);
        provider("GitHub", "GitHub", upstream.wellKnownUrl("github").toString(), true);
        provider("Dormant", "Dormant Provider", upstream.wellKnownUrl("dormant").toString(), false);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        provider("Down", "Down Provider", "http://127.0.0.1:" + closedPort + "/.well-known/openid-configuration", true);
        profileFlow("profile_edit", List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Google", "GitHub", "Dormant", "Down"));
        email = uniqueEmail();
        user = existingUser(email);
    }

    @Test
    void linkWhenTheProviderVouchesThenTheIdentityIsStoredAuditedAndNoLongerOffered() throws Exception {
        Browser browser = browser();
        Browser.Response linkPage = linkedAccounts(browser);

        assertThat(linkPage.document().getElementById("noLinkedAccounts")).isNotNull();
        assertThat(buttons(linkPage)).containsExactly("link-Google", "link-GitHub", "link-Down");
        assertThat(linkPage.document().getElementById("link-Google").text()).isEqualTo("Link Google");
        Browser.Response back = signInAtProvider(browser, toProvider(browser, linkPage, "Google"), "google-subject-1");

        assertThat(back.document().getElementById("notice").text())
                .isEqualTo("Your Google account is now linked. You can use it to sign in.");
        assertThat(back.pageError()).isEmpty();
        assertThat(buttons(back)).containsExactly("link-GitHub", "link-Down");
        assertThat(back.document().select("#linkedAccounts .provider").eachText()).containsExactly("Google");
        assertThat(stored().identities()).contains(Identity.federated(googleIssuer, "google-subject-1"));
        assertThat(holderOf(Identity.federated(googleIssuer, "google-subject-1"))).isEqualTo(user.objectId());
        List<AuditEvent> linked = events(LinkIdentityStep.IDENTITY_LINKED);
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0).subjectUserId()).isEqualTo(user.objectId());
        assertThat(linked.get(0).details()).containsEntry("provider", "Google").containsEntry("issuer", googleIssuer);

        Browser.Response reloaded = browser.open(back.uri().toString());
        assertThat(reloaded.document().getElementById("notice")).as("the message is shown once").isNull();
        Map<String, String> app = appResponse(browser.submit(reloaded, LINK_FORM, "button#done", Map.of()),
                t.webRedirectUri());
        assertThat(app).containsKey("code");
    }

    @Test
    void linkWhenTheIdentityBelongsToAnotherUserThenRefusedAndNothingChanges() {
        User other = existingUser(uniqueEmail());
        Identity taken = Identity.federated(googleIssuer, "someone-elses");
        TenantContext.run(t.tenant(), () -> users.addIdentity(other.objectId(), taken));
        Browser browser = browser();

        Browser.Response back = signInAtProvider(browser, toProvider(browser, linkedAccounts(browser), "Google"),
                "someone-elses");

        assertThat(back.pageError())
                .isEqualTo("This Google account is already linked to another account. Nothing was changed.");
        assertThat(stored().identities()).noneMatch(Identity::isFederated);
        assertThat(holderOf(taken)).isEqualTo(other.objectId());
        assertThat(events(LinkIdentityStep.IDENTITY_LINKED)).isEmpty();
        assertThat(events(LinkIdentityStep.IDENTITY_LINK_REFUSED)).singleElement()
                .satisfies(e -> assertThat(e.subjectUserId()).isEqualTo(user.objectId()));
        assertThat(buttons(back)).contains("link-Google");
    }

    @Test
    void linkWhenTheIdentityIsAlreadyTheUsersThenSaysSo() {
        Identity mine = Identity.federated(googleIssuer, "mine");
        TenantContext.run(t.tenant(), () -> users.addIdentity(user.objectId(), mine));
        Browser browser = browser();
        Browser.Response linkPage = linkedAccounts(browser);
        assertThat(buttons(linkPage)).as("already linked: not offered").doesNotContain("link-Google");

        Map<String, String> forged = browser.formValues(linkPage, LINK_FORM);
        forged.put("action", "link-Google");
        Browser.Response page = browser.follow(browser.post(browser.formAction(linkPage, LINK_FORM), forged));

        assertThat(page.pageError()).isEqualTo("Your Google account is already linked.");
        assertThat(stored().identities()).containsOnlyOnce(mine);
    }

    @Test
    void linkWhenTheUserCancelsAtTheProviderThenNothingChanges() {
        Browser browser = browser();

        Browser.Response back = returnFromProvider(browser, toProvider(browser, linkedAccounts(browser), "GitHub"),
                Map.of("error", "access_denied", "error_description", "The user said no"));

        assertThat(back.document().getElementById("notice").text()).isEqualTo(LinkIdentityStep.CANCELLED);
        assertThat(back.pageError()).isEmpty();
        assertThat(stored().identities()).noneMatch(Identity::isFederated);
        assertThat(buttons(back)).contains("link-GitHub");
    }

    @Test
    void linkWhenTheProviderAnswersWithAnErrorThenAGenericMessageAndNotTheProvidersText() {
        Browser browser = browser();

        Browser.Response back = returnFromProvider(browser, toProvider(browser, linkedAccounts(browser), "Google"),
                Map.of("error", "server_error", "error_description", "<script>alert('upstream')</script>"));

        assertThat(back.status()).isEqualTo(200);
        assertThat(back.pageError()).isEqualTo("Your Google account could not be linked right now. Nothing was"
                + " changed; please try again later.");
        assertThat(back.body()).doesNotContain("upstream").doesNotContain("<script>");
        assertThat(stored().identities()).noneMatch(Identity::isFederated);
    }

    @Test
    void linkWhenTheProviderCannotBeReachedThenStaysOnThePageWithAMessage() {
        Browser browser = browser();
        Browser.Response linkPage = linkedAccounts(browser);

        Browser.Response page = browser.submit(linkPage, LINK_FORM, "button#link-Down", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.pageError()).isEqualTo("Your Down Provider account could not be linked right now. Nothing"
                + " was changed; please try again later.");
    }

    @Test
    void aCallbackIsUsedOnlyOnce() {
        Browser browser = browser();
        Browser.Response linked = signInAtProvider(browser, toProvider(browser, linkedAccounts(browser), "Google"),
                "first");
        assertThat(linked.document().getElementById("notice")).as(linked.body()).isNotNull();

        Browser.Response replay = browser.get(lastCallback);

        assertThat(replay.status()).isEqualTo(400);
        assertThat(stored().identities().stream().filter(Identity::isFederated).toList())
                .containsExactly(Identity.federated(googleIssuer, "first"));
    }

    @Test
    void aForgedLinkToAProviderTheFlowDoesNotOfferIsRefused() {
        Browser browser = browser();
        Browser.Response linkPage = linkedAccounts(browser);
        for (String provider : List.of("Dormant", "Nowhere")) {
            Map<String, String> forged = browser.formValues(linkPage, LINK_FORM);
            forged.put("action", "link-" + provider);
            Browser.Response page = browser.follow(browser.post(browser.formAction(linkPage, LINK_FORM), forged));

            assertThat(page.isRedirect()).as(provider).isFalse();
            assertThat(page.pageError()).isEqualTo(
                    "That provider cannot be linked here. Choose one of the accounts listed.");
        }
    }

    @Test
    void aFlowWithoutProvidersShowsNoLinkedAccountsButton() {
        profileFlow("profile_local", List.of(UserFlowDefinition.LOCAL_ACCOUNT, "Dormant"));
        Browser browser = browser();
        Browser.Response profile = signIn(browser, browser.open(authorizeUrl(t, "B2C_1_profile_local", Map.of())),
                email, PASSWORD);
        assertThat(profile.document().selectFirst(PROFILE_FORM + " #displayName")).as(profile.body()).isNotNull();
        assertThat(profile.document().getElementById("linkedAccounts")).isNull();

        Map<String, String> forged = browser.formValues(profile, PROFILE_FORM);
        forged.putAll(Map.of("displayName", "Ada Lovelace", "givenName", "Ada", "surname", "Lovelace",
                "action", "linkedAccounts"));
        Browser.Response page = browser.follow(browser.post(browser.formAction(profile, PROFILE_FORM), forged));

        assertThat(page.pageError()).isEqualTo("Linking other accounts is not available here.");
        assertThat(page.document().selectFirst(PROFILE_FORM + " #displayName")).isNotNull();
    }

    @Test
    void unlinkWhenTheUserKeepsTheirPasswordThenTheIdentityIsRemoved() {
        Identity mine = Identity.federated(githubIssuer, "mine");
        TenantContext.run(t.tenant(), () -> users.addIdentity(user.objectId(), mine));
        Browser browser = browser();
        Browser.Response linkPage = linkedAccounts(browser);
        assertThat(linkPage.document().select("#linkedAccounts .provider").eachText()).containsExactly("GitHub");

        Browser.Response page = browser.submit(linkPage, "form#unlink-0", "button[value=unlink]", Map.of());

        assertThat(page.document().getElementById("notice").text()).isEqualTo("Your GitHub account is no longer linked.");
        assertThat(stored().identities()).doesNotContain(mine);
        assertThat(buttons(page)).contains("link-GitHub");
        assertThat(events(LinkIdentityStep.IDENTITY_UNLINKED)).singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("provider", "GitHub"));
    }

    @Test
    void unlinkWhenItIsTheOnlyWayToSignInThenRefused() {
        Identity mine = Identity.federated(githubIssuer, "mine");
        TenantContext.run(t.tenant(), () -> users.addIdentity(user.objectId(), mine));
        Browser browser = browser();
        Browser.Response linkPage = linkedAccounts(browser);
        jdbc.sql("delete from user_password where object_id = ?").param(user.objectId()).update();

        Browser.Response page = browser.submit(linkPage, "form#unlink-0", "button[value=unlink]", Map.of());

        assertThat(page.pageError()).isEqualTo(LinkIdentityStep.LAST_WAY_TO_SIGN_IN);
        assertThat(stored().identities()).contains(mine);
        assertThat(events(LinkIdentityStep.IDENTITY_UNLINKED)).isEmpty();
    }

    @Test
    void unlinkOfAnIdentityThatIsNotTheUsersIsRefused() {
        User other = existingUser(uniqueEmail());
        Identity theirs = Identity.federated(googleIssuer, "theirs");
        Identity mine = Identity.federated(githubIssuer, "mine");
        TenantContext.run(t.tenant(), () -> {
            users.addIdentity(other.objectId(), theirs);
            users.addIdentity(user.objectId(), mine);
        });
        Browser browser = browser();
        Browser.Response linkPage = linkedAccounts(browser);

        Browser.Response page = browser.submit(linkPage, "form#unlink-0", "button[value=unlink]",
                Map.of("issuer", googleIssuer, "subject", "theirs"));

        assertThat(page.pageError()).isEqualTo("That account is not linked to yours.");
        assertThat(holderOf(theirs)).isEqualTo(other.objectId());
        assertThat(stored().identities()).contains(mine);
    }

    /** Signs in to the profile flow and presses "Linked accounts". */
    private Browser.Response linkedAccounts(Browser browser) {
        Browser.Response profile = signIn(browser, browser.open(authorizeUrl(t, FLOW, Map.of())), email, PASSWORD);
        assertThat(profile.document().getElementById("linkedAccounts")).as(profile.body()).isNotNull();
        Browser.Response page = browser.submit(profile, PROFILE_FORM, "button#linkedAccounts", Map.of());
        assertThat(page.document().selectFirst(LINK_FORM)).as(page.body()).isNotNull();
        return page;
    }

    /** Presses "Link {@code name}": the redirect to the provider's authorization endpoint. */
    private static Browser.Response toProvider(Browser browser, Browser.Response linkPage, String name) {
        Browser.Response away = browser.submit(linkPage, LINK_FORM, "button#link-" + name, Map.of());
        assertThat(away.isRedirect()).as(away.body()).isTrue();
        assertThat(away.location().get()).startsWith(upstream.authorizationEndpointUrl(name.toLowerCase()).toString());
        return away;
    }

    /** The provider signs {@code subject} in and sends the browser back with a code. */
    private Browser.Response signInAtProvider(Browser browser, Browser.Response away, String subject) {
        String issuerId = URI.create(away.location().get()).getPath().split("/")[1];
        String clientId = responseParameters(away.location().get()).get("client_id");
        upstream.enqueueCallback(new DefaultOAuth2TokenCallback(issuerId, subject, "JWT", List.of(clientId),
                Map.of("email", subject + "@upstream.test"), 3600));
        Browser.Response back = browser.get(away.location().get());
        assertThat(back.isRedirect()).as(back.body()).isTrue();
        assertThat(back.location().get()).startsWith(origin() + "/" + t.name() + "/oauth2/authresp?");
        lastCallback = back.location().get();
        return browser.follow(back);
    }

    /** The provider sends the browser back with {@code parameters} (e.g. an error) and the request's state. */
    private Browser.Response returnFromProvider(Browser browser, Browser.Response away, Map<String, String> parameters) {
        Map<String, String> request = responseParameters(away.location().get());
        assertThat(request.get("redirect_uri")).isEqualTo(origin() + "/" + t.name() + "/oauth2/authresp");
        Map<String, String> callback = new LinkedHashMap<>(parameters);
        callback.put("state", request.get("state"));
        return browser.open("/" + t.name() + "/oauth2/authresp?" + Browser.encode(callback));
    }

    private static List<String> buttons(Browser.Response page) {
        return page.document().select(LINK_FORM + " button[id^=link-]").stream().map(Element::id).toList();
    }

    private void provider(String name, String displayName, String metadataUrl, boolean enabled) {
        TenantContext.run(t.tenant(), () -> {
            UUID id = UUID.randomUUID();
            providers.insert(new IdentityProvider(id, name, ProviderKind.OPENID_CONNECT, displayName,
                    "client-" + name, secretBox.seal("secret-" + name, IdentityProvider.secretBinding(id)),
                    new ProviderSettings(metadataUrl, null, null, null, null, List.of("openid", "email"),
                            ProviderSettings.OIDC_MAPPING, null, null),
                    enabled, Instant.now()));
        });
    }

    private void profileFlow(String name, List<String> identityProviders) {
        TenantContext.run(t.tenant(), () -> flows.create(name, UserFlowType.PROFILE_EDITING, new UserFlowDefinition(
                identityProviders, List.of("displayName", "givenName", "surname"),
                List.of("emails", "name", "oid", "newUser"), UserFlowProperties.DEFAULTS)));
    }

    private User existingUser(String address) {
        return TenantContext.call(t.tenant(), () -> accounts.signUp(new NewUser(EmailAddress.parse(address), PASSWORD,
                "Ada Lovelace", "Ada", "Lovelace", Map.of())));
    }

    private User stored() {
        return TenantContext.call(t.tenant(), () -> users.findById(user.objectId()).orElseThrow());
    }

    private UUID holderOf(Identity identity) {
        return TenantContext.call(t.tenant(), () -> users.findByIdentity(identity).orElseThrow().objectId());
    }

    private List<AuditEvent> events(String type) {
        return TenantContext.call(t.tenant(), () -> auditLog.query(AuditQuery.newest().ofType(type)));
    }
}
