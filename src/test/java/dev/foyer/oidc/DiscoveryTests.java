package dev.foyer.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.TokenCompatibility;
import dev.foyer.userflow.UserFlow;
import dev.foyer.userflow.UserFlowProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Discovery and the B2C URL shapes as MSAL uses them: one canonical (lower-case) spelling in
 * metadata and issuers, every other spelling of tenant and policy accepted, and tokens whose
 * issuer is the discovery issuer whichever spelling the app used.
 */
class DiscoveryTests extends FlowEndToEndTest {

    private static final String WELL_KNOWN = "/.well-known/openid-configuration";

    @Test
    void pathAndQueryFormsOfDiscoveryAgreeAndTheIssuerIsTheBaseOfTheDiscoveryUrl() {
        TestTenant t = newTenant();
        String url = endpoint(t, "v2.0" + WELL_KNOWN);

        JsonNode path = jsonOf(get(url));
        JsonNode query = jsonOf(get(origin() + "/" + t.name() + "/v2.0" + WELL_KNOWN + "?p=B2C_1_susi"));

        assertThat(query).isEqualTo(path);
        assertThat(path.get("issuer").asString()).isEqualTo(url.substring(0, url.length() - WELL_KNOWN.length()))
                .isEqualTo(origin() + "/" + t.name() + "/b2c_1_susi/v2.0");
        String base = origin() + "/" + t.name() + "/b2c_1_susi/";
        assertThat(path.get("authorization_endpoint").asString()).isEqualTo(base + "oauth2/v2.0/authorize");
        assertThat(path.get("token_endpoint").asString()).isEqualTo(base + "oauth2/v2.0/token");
        assertThat(path.get("end_session_endpoint").asString()).isEqualTo(base + "oauth2/v2.0/logout");
        assertThat(path.get("jwks_uri").asString()).isEqualTo(base + "discovery/v2.0/keys");
        assertThat(path.get("userinfo_endpoint").asString()).isEqualTo(base + "openid/v2.0/userinfo");
        assertThat(strings(path.get("response_modes_supported"))).contains("query", "fragment", "form_post");
        assertThat(strings(path.get("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(strings(path.get("id_token_signing_alg_values_supported"))).containsExactly("RS256");
    }

    @Test
    void endpointsInMetadataSpellTenantAndPolicyInLowerCaseEvenWhenTheQueryFormUsesUpperCase() {
        TestTenant t = newTenant();

        JsonNode doc = jsonOf(get(origin() + "/" + t.name().toUpperCase() + "/v2.0" + WELL_KNOWN + "?p=B2C_1_SUSI"));

        for (String name : List.of("issuer", "authorization_endpoint", "token_endpoint", "end_session_endpoint",
                "jwks_uri", "userinfo_endpoint")) {
            String value = doc.get(name).asString();
            assertThat(value).as(name).isEqualTo(value.toLowerCase()).contains("/" + t.name() + "/b2c_1_susi/");
        }
    }

    @Test
    void discoveryUnderAnotherSpellingOfTenantOrPolicyIsRedirectedPermanentlyToTheCanonicalUrl() {
        TestTenant t = newTenant();
        String canonical = endpoint(t, "v2.0" + WELL_KNOWN);
        String upper = t.name().toUpperCase();

        for (String spelling : List.of(upper + "/B2C_1_SUSI", t.name() + "/B2C_1_susi", upper + "/b2c_1_susi",
                t.tenant().id() + "/b2c_1_susi", t.name() + ".onmicrosoft.com/b2c_1_susi",
                upper + ".onmicrosoft.com/B2C_1_SUSI", t.name() + "/susi")) {
            Browser.Response response = get(origin() + "/" + spelling + "/v2.0" + WELL_KNOWN);

            assertThat(response.status()).as(spelling).isEqualTo(301);
            assertThat(response.location()).as(spelling).hasValue(canonical);
        }
        assertThat(get(canonical).status()).isEqualTo(200);
    }

    /** One way an app may spell the flow's endpoints: a path prefix and, in the query form, {@code p}. */
    record Form(String label, String prefix, String policy) {
        String url(String origin, String rest, Map<String, String> params) {
            Map<String, String> query = new LinkedHashMap<>();
            if (policy != null) {
                query.put("p", policy);
            }
            query.putAll(params);
            return origin + prefix + rest + (query.isEmpty() ? "" : "?" + Browser.encode(query));
        }
    }

    private static List<Form> forms(TestTenant t) {
        String upper = t.name().toUpperCase();
        String guid = t.tenant().id().toString();
        return List.of(
                new Form("canonical path", "/" + t.name() + "/b2c_1_susi/", null),
                new Form("mixed-case path", "/" + upper + "/B2C_1_SUSI/", null),
                new Form("query", "/" + t.name() + "/", "B2C_1_susi"),
                new Form("mixed-case query", "/" + upper + "/", "b2c_1_SUSI"),
                new Form("GUID path", "/" + guid + "/b2c_1_susi/", null),
                new Form("GUID query", "/" + guid + "/", "B2C_1_susi"),
                new Form("onmicrosoft.com path", "/" + upper + ".onmicrosoft.com/B2C_1_susi/", null),
                new Form("onmicrosoft.com query", "/" + t.name() + ".onmicrosoft.com/", "b2c_1_susi"));
    }

    @Test
    void everySpellingOfEveryEndpointAnswersAndIssuesTokensWhoseIssuerIsTheDiscoveryIssuer() throws Exception {
        TestTenant t = newTenant();
        SignedUp person = signedUp(t);
        String issuer = discovery(t).get("issuer").asString();
        assertThat(person.idToken().getIssuer()).isEqualTo(issuer);

        for (Form form : forms(t)) {
            Browser.Response authorized = person.browser().get(form.url("", "oauth2/v2.0/authorize",
                    authorizeParameters(t, Map.of("response_type", "code id_token", "nonce", "n-" + form.label()))));
            Map<String, String> fragment = appResponse(authorized, t.webRedirectUri());
            JWTClaimsSet fromAuthorize = verified(t, fragment.get("id_token"));
            assertThat(fromAuthorize.getIssuer()).as(form.label() + ": authorize").isEqualTo(issuer);
            assertThat(fromAuthorize.getStringClaim("nonce")).isEqualTo("n-" + form.label());

            JsonNode tokens = exchange(t, form.url(origin(), "oauth2/v2.0/token", Map.of()), fragment.get("code"));
            JWTClaimsSet idToken = verified(t, tokens.get("id_token").asString());
            JWTClaimsSet accessToken = verified(t, tokens.get("access_token").asString());
            assertThat(idToken.getIssuer()).as(form.label() + ": ID token").isEqualTo(issuer);
            assertThat(accessToken.getIssuer()).as(form.label() + ": access token").isEqualTo(issuer);
            assertThat(idToken.getSubject()).isEqualTo(person.subject());

            Browser.Response refreshed = postToken(t, form.url(origin(), "oauth2/v2.0/token", Map.of()), Map.of(
                    "grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asString()));
            assertThat(refreshed.status()).as(form.label() + ": refresh " + refreshed.body()).isEqualTo(200);
            assertThat(SignedJWT.parse(jsonOf(refreshed).get("id_token").asString()).getJWTClaimsSet().getIssuer())
                    .as(form.label() + ": refreshed ID token").isEqualTo(issuer);

            Browser.Response userinfo = getWithBearer(form.url(origin(), "openid/v2.0/userinfo", Map.of()),
                    tokens.get("access_token").asString());
            assertThat(userinfo.status()).as(form.label() + ": userinfo " + userinfo.body()).isEqualTo(200);
            assertThat(jsonOf(userinfo).get("sub").asString()).isEqualTo(person.subject());

            Browser.Response keys = get(form.url(origin(), "discovery/v2.0/keys", Map.of()));
            assertThat(keys.status()).as(form.label() + ": keys").isEqualTo(200);
            assertThat(JWKSet.parse(keys.body()).getKeyByKeyId(SignedJWT.parse(tokens.get("id_token").asString())
                    .getHeader().getKeyID())).as(form.label() + ": signing key published").isNotNull();
        }
    }

    @Test
    void signUpStartedUnderAnySpellingOfTheAuthorizeEndpointCompletes() throws Exception {
        TestTenant t = newTenant();
        String issuer = discovery(t).get("issuer").asString();

        for (Form form : forms(t)) {
            Browser browser = browser();
            Browser.Response page = browser.open(form.url("", "oauth2/v2.0/authorize",
                    authorizeParameters(t, Map.of("state", "s-" + form.label()))));
            assertThat(isSignInPage(page)).as(form.label() + ": " + page.body()).isTrue();
            Map<String, String> app = appResponse(signUp(browser, page, uniqueEmail(), PASSWORD), t.webRedirectUri());

            assertThat(app).as(form.label()).containsEntry("state", "s-" + form.label());
            JsonNode tokens = exchange(t, form.url(origin(), "oauth2/v2.0/token", Map.of()), app.get("code"));
            assertThat(verified(t, tokens.get("id_token").asString()).getIssuer()).as(form.label())
                    .isEqualTo(issuer);
        }
    }

    @Test
    void logoutAnswersUnderEverySpelling() throws Exception {
        TestTenant t = newTenant();

        for (Form form : forms(t)) {
            SignedUp person = signedUp(t);
            Browser.Response response = person.browser().get(form.url("", "oauth2/v2.0/logout", Map.of(
                    "id_token_hint", person.rawIdToken(), "post_logout_redirect_uri", "https://app.example/logout",
                    "state", "s")));

            assertThat(response.location()).as(form.label() + ": " + response.status() + " " + response.body())
                    .hasValue("https://app.example/logout?state=s");
            assertThat(isSignInPage(person.browser().open(authorizeUrl(t, FLOW, Map.of())))).as(form.label())
                    .isTrue();
        }
    }

    @Test
    void tenantWideIssuerCompatibilityChangesTheIssuerInDiscoveryAndInTokens() throws Exception {
        TestTenant t = newTenant();
        changeTokenCompatibility(t, new TokenCompatibility(TokenCompatibility.IssuerFormat.TENANT,
                TokenCompatibility.FlowClaim.TFP));
        String tenantIssuer = origin() + "/" + t.tenant().id() + "/v2.0/";

        assertThat(discovery(t).get("issuer").asString()).isEqualTo(tenantIssuer);
        assertThat(jsonOf(get(origin() + "/" + t.name() + "/v2.0" + WELL_KNOWN + "?p=B2C_1_susi")).get("issuer")
                .asString()).isEqualTo(tenantIssuer);
        SignedUp person = signedUp(t);
        assertThat(person.idToken().getIssuer()).isEqualTo(tenantIssuer);
        assertThat(verified(t, person.tokens().get("access_token").asString()).getIssuer()).isEqualTo(tenantIssuer);
        for (Form form : forms(t)) {
            Map<String, String> fragment = appResponse(person.browser().get(form.url("", "oauth2/v2.0/authorize",
                    authorizeParameters(t, Map.of("response_type", "code id_token")))), t.webRedirectUri());
            assertThat(verified(t, fragment.get("id_token")).getIssuer()).as(form.label()).isEqualTo(tenantIssuer);
            JsonNode tokens = exchange(t, form.url(origin(), "oauth2/v2.0/token", Map.of()), fragment.get("code"));
            assertThat(verified(t, tokens.get("id_token").asString()).getIssuer()).as(form.label())
                    .isEqualTo(tenantIssuer);
            assertThat(getWithBearer(form.url(origin(), "openid/v2.0/userinfo", Map.of()),
                    tokens.get("access_token").asString()).status()).as(form.label()).isEqualTo(200);
        }
    }

    @Test
    void acrFlowClaimNamesTheFlowInAcrAndLeavesOutTfp() throws Exception {
        TestTenant t = newTenant();
        changeTokenCompatibility(t, new TokenCompatibility(TokenCompatibility.IssuerFormat.PER_FLOW,
                TokenCompatibility.FlowClaim.ACR));

        SignedUp person = signedUp(t);

        assertThat(person.idToken().getStringClaim("acr")).isEqualTo("B2C_1_susi");
        assertThat(person.idToken().getClaim("tfp")).isNull();
        JWTClaimsSet access = verified(t, person.tokens().get("access_token").asString());
        assertThat(access.getStringClaim("acr")).isEqualTo("B2C_1_susi");
        assertThat(access.getClaim("tfp")).isNull();
        assertThat(person.idToken().getIssuer()).isEqualTo(discovery(t).get("issuer").asString());
    }

    @Test
    void unknownTenantOrFlowAnswers404WithAJsonError() {
        TestTenant t = newTenant();

        for (String url : List.of(
                "/nosuchtenant/b2c_1_susi/v2.0" + WELL_KNOWN,
                "/nosuchtenant/v2.0" + WELL_KNOWN + "?p=B2C_1_susi",
                "/" + t.name() + "/b2c_1_nosuchflow/v2.0" + WELL_KNOWN,
                "/" + t.name() + "/v2.0" + WELL_KNOWN + "?p=B2C_1_nosuchflow",
                "/nosuchtenant/b2c_1_susi/discovery/v2.0/keys",
                "/" + t.name() + "/b2c_1_nosuchflow/discovery/v2.0/keys",
                "/" + t.name() + "/discovery/v2.0/keys?p=B2C_1_nosuchflow")) {
            Browser.Response response = get(origin() + url);

            assertThat(response.status()).as(url).isEqualTo(404);
            assertThat(response.header("Content-Type").orElse("")).as(url).startsWith("application/json");
            assertThat(jsonOf(response).get("error").asString()).as(url).isEqualTo("not_found");
        }
    }

    @Test
    void unknownTenantOrFlowAtTheAuthorizeAndTokenEndpointsAnswers404() {
        TestTenant t = newTenant();

        Browser.Response authorize = get(origin() + "/nosuchtenant/b2c_1_susi/oauth2/v2.0/authorize?"
                + Browser.encode(authorizeParameters(t, Map.of())));
        Browser.Response token = postToken(t, origin() + "/" + t.name() + "/b2c_1_nosuchflow/oauth2/v2.0/token",
                Map.of("grant_type", "authorization_code", "code", "x", "redirect_uri", t.webRedirectUri()));

        assertThat(authorize.status()).isEqualTo(404);
        assertThat(authorize.location()).isEmpty();
        assertThat(authorize.pageError()).contains("does not exist");
        assertThat(token.status()).isEqualTo(404);
        assertThat(jsonOf(token).get("error_description").asString()).contains("does not exist");
    }

    @Test
    void jwksPublishesOnlyPublicSigningKeysWithKidAlgAndUse() {
        TestTenant t = newTenant();

        JsonNode jwks = jsonOf(get(discovery(t).get("jwks_uri").asString()));

        assertThat(jwks.get("keys").size()).isPositive();
        for (JsonNode key : jwks.get("keys")) {
            assertThat(key.get("kty").asString()).isEqualTo("RSA");
            assertThat(key.get("kid").asString()).isNotBlank();
            assertThat(key.get("alg").asString()).isEqualTo("RS256");
            assertThat(key.get("use").asString()).isEqualTo("sig");
            for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi", "oth")) {
                assertThat(key.has(privatePart)).as(privatePart).isFalse();
            }
        }
        assertThat(parse(jwks).getKeys()).noneMatch(JWK::isPrivate);
    }

    /** The web app's authorize parameters without the policy. */
    private static Map<String, String> authorizeParameters(TestTenant t, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", t.webClientId().toString());
        params.put("redirect_uri", t.webRedirectUri());
        params.put("response_type", "code");
        params.put("scope", "openid offline_access");
        params.put("state", "state-1");
        params.put("nonce", "nonce-1");
        params.putAll(extra);
        return params;
    }

    private void changeTokenCompatibility(TestTenant t, TokenCompatibility compatibility) {
        TenantContext.run(t.tenant(), () -> {
            UserFlow flow = flows.findByName(FLOW).orElseThrow();
            UserFlowProperties p = flow.properties();
            UserFlowProperties changed = new UserFlowProperties(p.mfa(), p.tokenLifetimes(), compatibility,
                    p.session(), p.passwordComplexity());
            flows.update(new UserFlow(flow.id(), flow.name(), flow.type(), flow.definition().withProperties(changed),
                    flow.version()), flow.version());
        });
    }

    private static JWKSet parse(JsonNode jwks) {
        try {
            return JWKSet.parse(jwks.toString());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
