package dev.foyer.tokenviewer;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.application.Application;
import dev.foyer.application.ApplicationType;
import dev.foyer.keys.SigningKeys;
import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import dev.foyer.testing.TestTenant;
import dev.foyer.userflow.UserFlow;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The built-in token viewer as a tenant admin meets it: a flow run for the "Token viewer" test
 * application ends on {@code /tokenviewer}, which decodes the ID token, explains each claim and
 * verifies the signature with the keys of the tenant the issuer names — and with nothing else.
 */
class TokenViewerTests extends EndToEndTest {

    @Autowired
    TokenViewerApplication viewer;
    @Autowired
    SigningKeys signingKeys;

    @Test
    void viewerApplicationWhenServerStartsThenRegisteredInTheDemoTenant() {
        Tenant contoso = tenants.findByNameOrId("contoso").orElseThrow();

        Application app = TenantContext.call(contoso,
                () -> applications.findByClientId(viewer.clientIdFor(contoso))).orElseThrow();

        assertThat(app.displayName()).isEqualTo("Token viewer");
        assertThat(app.type()).isEqualTo(ApplicationType.WEB);
        // The test servers share one database, and the last one to start registered its own port.
        assertThat(app.redirectUris()).isNotEmpty()
                .allMatch(uri -> uri.matches("http://(localhost|127\\.0\\.0\\.1):\\d+/tokenviewer"));
    }

    @Test
    void ensureForWhenRunOnThisServerThenTheDemoViewerRepliesToEachOfItsOrigins() {
        Tenant contoso = tenants.findByNameOrId("contoso").orElseThrow();

        Application app = viewer.ensureFor(contoso);

        assertThat(app.redirectUris()).containsExactlyInAnyOrder(origin() + "/tokenviewer",
                "http://127.0.0.1:" + port + "/tokenviewer");
        assertThat(viewer.repliesTo(contoso, origin())).isTrue();
        assertThat(viewer.repliesTo(contoso, "https://elsewhere.example")).isFalse();
    }

    @Test
    void ensureForWhenTenantCreatedAfterStartThenRegistersOneViewerWithAStableClientId() {
        TestTenant t = newTenant();
        TenantContext.run(t.tenant(), () -> assertThat(applications.findAll())
                .noneMatch(a -> a.displayName().equals("Token viewer")));

        Application first = viewer.ensureFor(t.tenant());
        Application again = viewer.ensureFor(t.tenant());

        assertThat(again.clientId()).isEqualTo(first.clientId()).isEqualTo(viewer.clientIdFor(t.tenant()));
        TenantContext.run(t.tenant(), () -> assertThat(applications.findAll())
                .filteredOn(a -> a.displayName().equals("Token viewer")).hasSize(1));
        assertThat(viewer.clientIdFor(t.tenant())).isNotEqualTo(viewer.clientIdFor(
                tenants.findByNameOrId("contoso").orElseThrow()));
    }

    @Test
    void ensureForWhenTheServersOriginsChangedThenUpdatesTheReplyUrlsAndKeepsTheClientId() {
        TestTenant t = newTenant();
        Application registered = viewer.ensureFor(t.tenant());
        TenantContext.run(t.tenant(), () -> applications.updateRedirectUris(registered.clientId(),
                List.of("http://localhost:1/tokenviewer")));

        Application updated = viewer.ensureFor(t.tenant());

        assertThat(updated.clientId()).isEqualTo(registered.clientId());
        assertThat(updated.redirectUris()).containsExactlyInAnyOrderElementsOf(registered.redirectUris())
                .doesNotContain("http://localhost:1/tokenviewer");
    }

    @Test
    void runningSusiFromTheLandingPagesViewerLinkAndSigningUpShowsVerifiedClaimsWithDescriptions() {
        viewer.ensureFor(tenants.findByNameOrId("contoso").orElseThrow());
        Browser browser = browser();
        String email = uniqueEmail();
        Element link = browser.get("/").document().selectFirst("a#viewer-B2C_1_susi");
        assertThat(link).as("token viewer link of B2C_1_susi").isNotNull();
        assertThat(browser.get("/").document().selectFirst("a#run-B2C_1_susi")).as("the existing link stays").isNotNull();
        String run = link.attr("href");

        Browser.Response formPost = signUp(browser, browser.open(run), email, PASSWORD);
        assertThat(browser.formAction(formPost, "form#auto")).isEqualTo(origin() + "/tokenviewer");
        Browser.Response page = browser.submit(formPost, "form#auto", "button#continue", Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().getElementById("error")).as(page.body()).isNull();
        assertThat(text(page, "signature")).startsWith("Signature verified").contains("B2C_1_susi").contains("contoso");
        assertThat(text(page, "expiry")).startsWith("Valid until");
        assertThat(text(page, "header")).contains("\"alg\"").contains("RS256").contains("\"kid\"");
        assertThat(text(page, "claim-tfp")).isEqualTo("B2C_1_susi");
        assertThat(text(page, "describe-tfp")).isEqualTo("The user flow that issued it");
        assertThat(text(page, "claim-iss")).isEqualTo(origin() + "/contoso/b2c_1_susi/v2.0");
        assertThat(text(page, "describe-iss")).startsWith("Who issued the token: user flow B2C_1_susi of tenant contoso");
        assertThat(text(page, "claim-aud")).isEqualTo(
                viewer.clientIdFor(tenants.findByNameOrId("contoso").orElseThrow()).toString());
        assertThat(text(page, "describe-aud")).startsWith("The application the token is for");
        assertThat(text(page, "describe-sub")).startsWith("The user's object id");
        assertThat(text(page, "describe-oid")).isEqualTo("The user's object id");
        assertThat(text(page, "claim-emails")).isEqualTo(email);
        assertThat(text(page, "claim-amr")).isEqualTo("pwd");
        assertThat(text(page, "describe-amr")).contains("pwd: password");
        assertThat(text(page, "claim-exp")).matches("\\d+ \\(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
        assertThat(text(page, "describe-exp")).startsWith("When the token expires: ").endsWith("UTC");
        assertThat(text(page, "describe-auth_time")).startsWith("When the user last entered their credentials: ");
        assertThat(text(page, "claim-nonce")).isEqualTo(query(run).get("nonce"));
        assertThat(text(page, "claim-newUser")).isEqualTo("true");
        assertThat(text(page, "describe-newUser")).contains("created the account");
    }

    @Test
    void runUrlWhenTenantCreatedAfterStartThenTheFlowEndsOnTheViewerWithAVerifiedToken() {
        TestTenant t = newTenant();
        viewer.ensureFor(t.tenant());
        UserFlow susi = TenantContext.call(t.tenant(), () -> flows.findByName("B2C_1_susi")).orElseThrow();
        String run = viewer.runUrl(t.tenant(), susi, origin());
        assertThat(run).startsWith(origin() + "/" + t.name() + "/b2c_1_susi/oauth2/v2.0/authorize?");
        assertThat(query(run)).containsEntry("client_id", viewer.clientIdFor(t.tenant()).toString())
                .containsEntry("redirect_uri", origin() + "/tokenviewer")
                .containsEntry("response_type", "id_token")
                .containsEntry("response_mode", "form_post")
                .containsEntry("scope", "openid")
                .containsKey("nonce");
        assertThat(query(run).get("nonce")).isNotEqualTo(query(viewer.runUrl(t.tenant(), susi, origin())).get("nonce"));

        Browser browser = browser();
        Browser.Response formPost = signUp(browser, browser.open(run), uniqueEmail(), PASSWORD);
        Browser.Response page = browser.submit(formPost, "form#auto", "button#continue", Map.of());

        assertThat(text(page, "signature")).as(page.body()).startsWith("Signature verified");
        assertThat(text(page, "claim-tid")).isEqualTo(t.tenant().id().toString());
    }

    @Test
    void pastedTokenWhenSignedByTheTenantsKeyThenVerified() {
        TestTenant t = newTenant();
        Browser browser = browser();
        Browser.Response empty = browser.get("/tokenviewer");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.document().selectFirst("form#paste textarea#token")).as(empty.body()).isNotNull();
        assertThat(empty.document().getElementById("signature")).isNull();

        Browser.Response page = browser.submit(empty, "form#paste", "button#decode",
                Map.of("token", signedByTenant(t, claims(flowIssuer(t)).build())));

        assertThat(page.status()).isEqualTo(200);
        assertThat(text(page, "signature")).startsWith("Signature verified");
        assertThat(text(page, "claim-sub")).isEqualTo("00000000-0000-0000-0000-000000000001");
    }

    @Test
    void tokenWhenPayloadTamperedThenNotVerifiedButStillDecoded() {
        TestTenant t = newTenant();
        String[] parts = signedByTenant(t, claims(flowIssuer(t)).build()).split("\\.");
        String forged = parts[0] + "." + Base64URL.encode(claims(flowIssuer(t)).claim("name", "Mallory").build()
                .toString()) + "." + parts[2];

        Browser.Response page = paste(forged);

        assertThat(text(page, "signature")).startsWith("Signature NOT verified").contains("does not match");
        assertThat(text(page, "claim-name")).isEqualTo("Mallory");
    }

    @Test
    void tokenWhenSignedByAForeignKeyUnderTheTenantsKidThenNotVerified() throws Exception {
        TestTenant t = newTenant();
        String kid = TenantContext.call(t.tenant(), () -> signingKeys.activeKey()).getKeyID();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(kid).generate();

        Browser.Response page = paste(sign(foreign, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                claims(flowIssuer(t)).build()));

        assertThat(text(page, "signature")).startsWith("Signature NOT verified").contains("does not match");
    }

    @Test
    void tokenWhenItCarriesItsOwnKeyInTheHeaderThenThatKeyIsNeverTrusted() throws Exception {
        TestTenant t = newTenant();
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("attacker").generate();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker")
                .jwk(foreign.toPublicJWK()).jwkURL(URI.create("https://attacker.example/keys")).build();

        Browser.Response page = paste(sign(foreign, header, claims(flowIssuer(t)).build()));

        assertThat(text(page, "signature")).startsWith("Signature NOT verified").contains("no key with kid attacker");
    }

    @Test
    void tokenWhenIssuedByAnotherServerThenNotVerified() throws Exception {
        RSAKey foreign = new RSAKeyGenerator(2048).keyID("b2c").generate();
        String issuer = "https://contoso.b2clogin.com/" + UUID.randomUUID() + "/v2.0/";

        Browser.Response page = paste(sign(foreign, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("b2c").build(),
                claims(issuer).build()));

        assertThat(text(page, "signature")).startsWith("Signature NOT verified").contains("not issued by this server");
        assertThat(text(page, "describe-iss")).startsWith("Who issued the token: " + issuer);
    }

    @Test
    void tokenWhenHmacSignedWithThePublicKeyThenNotVerified() throws Exception {
        TestTenant t = newTenant();
        RSAKey key = TenantContext.call(t.tenant(), () -> signingKeys.activeKey());
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                claims(flowIssuer(t)).build());
        jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().repeat(2).getBytes(StandardCharsets.UTF_8)));

        assertThat(text(paste(jwt.serialize()), "signature")).startsWith("Signature NOT verified").contains("RS256 only");
    }

    @Test
    void tokenWhenUnsignedThenNotVerified() {
        TestTenant t = newTenant();

        Browser.Response page = paste(new PlainJWT(claims(flowIssuer(t)).build()).serialize());

        assertThat(text(page, "signature")).startsWith("Signature NOT verified").contains("not signed");
    }

    @Test
    void tokenWhenExpiredThenSignatureStillVerifiedAndTheExpiryShown() {
        TestTenant t = newTenant();
        Instant issued = Instant.now().minus(Duration.ofHours(3));
        JWTClaimsSet expired = claims(flowIssuer(t)).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1)))).build();

        Browser.Response page = paste(signedByTenant(t, expired));

        assertThat(text(page, "signature")).startsWith("Signature verified");
        assertThat(text(page, "expiry")).startsWith("The token expired at " + issued.plus(Duration.ofHours(1))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void tokenWhenTheIssuerIsTenantWideThenVerifiedWithTheTenantsKeys() {
        TestTenant t = newTenant();

        Browser.Response page = paste(signedByTenant(t, claims("http://127.0.0.1:1/" + t.tenant().id() + "/v2.0/")
                .build()));

        assertThat(text(page, "signature")).startsWith("Signature verified").contains("tenant " + t.name());
    }

    @Test
    void pastedGarbageWhenNotAJwtThenAClearErrorAndNoStackTrace() {
        for (String garbage : List.of("not-a-token", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", " ")) {
            Browser.Response page = paste(garbage);

            assertThat(page.status()).as(garbage).isEqualTo(400);
            assertThat(text(page, "error")).isEqualTo("invalid_token");
            assertThat(text(page, "error_description")).isNotBlank();
            assertThat(page.document().getElementById("signature")).isNull();
            assertThat(page.body()).doesNotContain("Exception").doesNotContain("at dev.foyer");
        }
    }

    @Test
    void formPostWhenTheFlowAnsweredWithAnErrorThenShowsIt() {
        Browser.Response page = browser().post("/tokenviewer", Map.of("error", "access_denied",
                "error_description", "AADB2C90091: The user has cancelled entering self-asserted information.",
                "state", "s-1"));

        assertThat(page.status()).isEqualTo(200);
        assertThat(text(page, "error")).isEqualTo("access_denied");
        assertThat(text(page, "error_description")).startsWith("AADB2C90091");
        assertThat(text(page, "state")).isEqualTo("s-1");
        assertThat(page.document().getElementById("signature")).isNull();
    }

    @Test
    void claimsWhenTheyContainMarkupThenItIsShownAsTextNeverRun() {
        TestTenant t = newTenant();
        String script = "<script>alert(1)</script>";
        JWTClaimsSet hostile = claims(flowIssuer(t)).claim("name", script)
                .claim("\"><img src=x onerror=alert(2)>", script).build();

        Browser.Response page = paste(signedByTenant(t, hostile));

        assertThat(page.body()).doesNotContain(script).doesNotContain("<img src=x");
        assertThat(page.document().select("script")).isEmpty();
        assertThat(page.document().select("img")).isEmpty();
        assertThat(text(page, "claim-name")).isEqualTo(script);
        assertThat(text(page, "signature")).startsWith("Signature verified");
    }

    private Browser.Response paste(String token) {
        return browser().post("/tokenviewer", Map.of("token", token));
    }

    private String flowIssuer(TestTenant t) {
        return origin() + "/" + t.name() + "/b2c_1_susi/v2.0";
    }

    private static JWTClaimsSet.Builder claims(String issuer) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("00000000-0000-0000-0000-000000000001")
                .audience(UUID.randomUUID().toString()).issueTime(Date.from(now)).notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).claim("tfp", "B2C_1_susi")
                .claim("amr", List.of("pwd"));
    }

    private String signedByTenant(TestTenant t, JWTClaimsSet claims) {
        RSAKey key = TenantContext.call(t.tenant(), () -> signingKeys.activeKey());
        return sign(key, new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT)
                .build(), claims);
    }

    private static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Browser.Response page, String id) {
        Element element = page.document().getElementById(id);
        assertThat(element).as("#" + id + " in:\n" + page.body()).isNotNull();
        return element.text();
    }

    private static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0],
                        p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8)));
    }
}
