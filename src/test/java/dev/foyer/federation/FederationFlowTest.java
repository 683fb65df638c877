package dev.foyer.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.directory.Identity;
import dev.foyer.directory.User;
import dev.foyer.directory.UserRepository;
import dev.foyer.secrets.SecretBox;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestPhoneNumbers;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.MfaSettings;
import dev.foyer.userflow.UserFlowDefinition;
import dev.foyer.userflow.UserFlowProperties;
import dev.foyer.userflow.UserFlowType;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Helpers for the federated sign-in journeys: providers served by the {@link FakeConnector}, flows
 * that list them, and a browser that plays the upstream provider (it stops at the provider's
 * authorization URL; the test sends it back to Foyer's callback with a code or an error).
 */
abstract class FederationFlowTest extends EndToEndTest {

    static final String SOCIAL_FORM = "form#socialAccountForm";
    static final List<String> CLAIMS = List.of("emails", "name", "given_name", "family_name", "oid", "idp",
            "newUser");

    @Autowired
    IdentityProviderRepository providers;
    @Autowired
    SecretBox secretBox;
    @Autowired
    FakeConnector fake;
    @Autowired
    UserRepository users;

    /** A provider of tenant {@code t} served by the fake connector. */
    IdentityProvider provider(TestTenant t, String name, String displayName, String domainHint) {
        return provider(t, name, displayName, domainHint, FakeConnector.SCHEME + name, true);
    }

    IdentityProvider provider(TestTenant t, String name, String displayName, String domainHint, String metadataUrl,
                              boolean enabled) {
        UUID id = UUID.randomUUID();
        return TenantContext.call(t.tenant(), () -> providers.insert(new IdentityProvider(id, name,
                ProviderKind.OPENID_CONNECT, displayName, "client-" + name,
                secretBox.seal("secret-" + name, IdentityProvider.secretBinding(id)),
                new ProviderSettings(metadataUrl, null, null, null, null, List.of("openid", "email"), null,
                        domainHint, null),
                enabled, Instant.now())));
    }

    /** Creates flow {@code name} listing {@code identityProviders}, collecting {@code attributes}. */
    void flow(TestTenant t, String name, UserFlowType type, MfaSettings mfa, List<String> identityProviders,
              List<String> attributes) {
        flow(t, name, type, mfa, identityProviders, attributes, CLAIMS);
    }

    void flow(TestTenant t, String name, UserFlowType type, MfaSettings mfa, List<String> identityProviders,
              List<String> attributes, List<String> claims) {
        TenantContext.run(t.tenant(), () -> flows.create(name, type, new UserFlowDefinition(identityProviders,
                attributes, claims, UserFlowProperties.DEFAULTS.withMfa(mfa))));
    }

    static UpstreamIdentity identity(String issuer, String subject, Map<String, String> attributes,
                                     boolean emailVerified) {
        return new UpstreamIdentity(issuer, subject, attributes, emailVerified, "upstream-access-token");
    }

    static Map<String, String> fullProfile(String email) {
        return Map.of("email", email, "displayName", "Grace Hopper", "givenName", "Grace", "surname", "Hopper");
    }

    /** Presses the provider's button on the sign-in page; the browser stops at the provider. */
    Browser.Response pressProvider(Browser browser, Browser.Response signInPage, String name) {
        Browser.Response atProvider = browser.submit(signInPage, SOCIAL_FORM, "button#" + name, Map.of());
        assertThat(atProvider.isRedirect()).as(atProvider.body()).isTrue();
        assertThat(atProvider.location().get()).startsWith(FakeConnector.AUTHORIZE);
        return atProvider;
    }

    /** The provider approves: back to Foyer's callback with a code and the state it was given. */
    Browser.Response approve(Browser browser, Browser.Response atProvider) {
        return backFromProvider(browser, atProvider, Map.of("code", FakeConnector.CODE));
    }

    /** Back to Foyer's callback (GET) with {@code parameters} and the state the provider was given. */
    Browser.Response backFromProvider(Browser browser, Browser.Response atProvider, Map<String, String> parameters) {
        Map<String, String> sent = query(atProvider.location().get());
        Map<String, String> back = new LinkedHashMap<>(parameters);
        back.putIfAbsent("state", sent.get("state"));
        back.values().removeIf(v -> v == null);
        return browser.open(sent.get("redirect_uri") + "?" + Browser.encode(back));
    }

    static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
        }
        return params;
    }

    /** Redeems the code of a redirect to the web app at {@code flow}'s token endpoint. */
    JsonNode tokensOf(TestTenant t, String flow, Browser.Response redirect) {
        Map<String, String> response = appResponse(redirect, t.webRedirectUri());
        assertThat(response).as("app response").containsKey("code");
        Browser.Response tokens = token(t, flow, Map.of("grant_type", "authorization_code",
                "code", response.get("code"), "redirect_uri", t.webRedirectUri()));
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
        return jsonOf(tokens);
    }

    static JWTClaimsSet idToken(JsonNode tokens) throws Exception {
        return SignedJWT.parse(tokens.get("id_token").asString()).getJWTClaimsSet();
    }

    Optional<User> userWith(TestTenant t, String issuer, String subject) {
        return TenantContext.call(t.tenant(), () -> users.findByIdentity(Identity.federated(issuer, subject)));
    }

    int usersIn(TestTenant t) {
        return jdbc.sql("select count(*) from directory_user where tenant_id = ?").param(t.tenant().id())
                .query(Integer.class).single();
    }

    List<String> auditTypes(TestTenant t) {
        return jdbc.sql("select event_type from audit_event where tenant_id = ? order by seq")
                .param(t.tenant().id()).query(String.class).list();
    }

    static boolean isPhonePage(Browser.Response page) {
        return page.status() == 200 && page.document().selectFirst("form#phoneVerification") != null;
    }

    /** Enrolls a new US number by SMS from the enrollment page; returns what follows the phone step. */
    Browser.Response enrollBySms(Browser browser, Browser.Response page) {
        String number = TestPhoneNumbers.usNational();
        Browser.Response codePage = browser.submit(page, "form#phoneVerification", "button#sendCode",
                Map.of("countryCode", "US", "number", number));
        assertThat(codePage.document().getElementById("verificationCode")).as(codePage.body()).isNotNull();
        String code = latestCode(URLEncoder.encode("+1" + number, StandardCharsets.UTF_8), 1);
        return browser.submit(codePage, "form#phoneVerification", "button#verifyCode",
                Map.of("verificationCode", code));
    }
}
