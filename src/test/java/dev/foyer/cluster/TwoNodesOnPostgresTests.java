package dev.foyer.cluster;

import static dev.foyer.cluster.Journeys.FLOW;
import static dev.foyer.cluster.Journeys.MFA_FLOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.testing.Browser;
import dev.foyer.testing.TestPostgres;
import dev.foyer.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Two nodes on one PostgreSQL database behind one public address: a journey, a code, a token, a
 * refresh token and a rate limit started on one node hold on the other, even once the first is
 * gone. Each test makes its own tenant, so the per-tenant limits of one never touch another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TwoNodesOnPostgresTests {

    private String schemaUrl;
    private final List<Node> nodes = new ArrayList<>();
    private Node a;
    private Node b;

    @BeforeAll
    void startTwoNodesOnOneDatabase() {
        TestPostgres.requireServer();
        schemaUrl = TestPostgres.newSchemaUrl("cluster");
        a = start("a");
        b = start("b");
    }

    @AfterAll
    void stopNodesAndDropTheSchema() {
        nodes.forEach(Node::close);
        if (schemaUrl != null) {
            TestPostgres.dropSchemaOf(schemaUrl);
        }
    }

    /**
     * The doomed node runs in its own process and is killed (SIGKILL) after the code was sent: no
     * shutdown, no drain. Nothing of the journey lived in its memory, so node B carries on.
     */
    @Test
    void journeyStartedOnANodeThatIsKilledFinishesOnAnotherAndItsTokenVerifiesWithAnyNodesKeys() throws Exception {
        Node doomed = Node.startProcess("a-doomed", schemaUrl);
        nodes.add(doomed);
        TestTenant t = b.newTenant();
        NodeBrowser browser = new NodeBrowser(doomed);
        Browser.Response enroll = Journeys.signUp(browser, t, MFA_FLOW, Journeys.uniqueEmail(), b.jdbc());
        assertThat(Journeys.isPhoneEnrollPage(enroll)).as(enroll.body()).isTrue();
        String number = usNumber();
        Browser.Response codePage = Journeys.requestSmsCode(browser, enroll, number);
        assertThat(codePage.document().getElementById("verificationCode")).as(codePage.body()).isNotNull();
        String code = codeFromDevOutboxOf(b, "+1" + number);

        doomed.close();
        assertThat(doomed.isRunning()).isFalse();

        Browser.Response done = Journeys.enterPhoneCode(browser.use(b), codePage, code);
        String authorizationCode = Journeys.appResponse(done, t).get("code");
        SignedJWT idToken = SignedJWT.parse(Journeys.redeem(b, t, MFA_FLOW, authorizationCode)
                .get("id_token").asString());
        JWTClaimsSet claims = idToken.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(Node.PUBLIC_ORIGIN + "/" + t.name() + "/b2c_1_susi_mfa/v2.0");
        assertThat(claims.getStringListClaim("amr")).contains("pwd", "sms", "mfa");
        assertThat(claims.getBooleanClaim("newUser")).isTrue();

        assertThat(verifies(idToken, Journeys.publishedKeys(b, t, MFA_FLOW))).as("with node B's keys").isTrue();
        Node c = start("c");
        assertThat(verifies(idToken, Journeys.publishedKeys(c, t, MFA_FLOW))).as("with node C's keys").isTrue();
    }

    @Test
    void refreshTokenIssuedByOneNodeIsRedeemedOnTheOther() throws Exception {
        TestTenant t = a.newTenant();
        JsonNode issuedByA = signUpAndRedeemOn(a, t);
        String subject = SignedJWT.parse(issuedByA.get("id_token").asString()).getJWTClaimsSet().getSubject();

        Browser.Response refreshed = Journeys.refresh(b, t, FLOW, issuedByA.get("refresh_token").asString());

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        SignedJWT idToken = SignedJWT.parse(Journeys.json(refreshed).get("id_token").asString());
        assertThat(idToken.getJWTClaimsSet().getSubject()).isEqualTo(subject);
        assertThat(idToken.getJWTClaimsSet().getAudience()).containsExactly(t.webClientId().toString());
        assertThat(verifies(idToken, Journeys.publishedKeys(a, t, FLOW))).as("with node A's keys").isTrue();
        assertThat(Journeys.json(refreshed).get("refresh_token").asString())
                .isNotEqualTo(issuedByA.get("refresh_token").asString());
    }

    @Test
    void reuseOfARotatedRefreshTokenOnTheOtherNodeIsDetectedAndRevokesTheFamily() {
        TestTenant t = a.newTenant();
        String original = signUpAndRedeemOn(a, t).get("refresh_token").asString();
        Browser.Response rotated = Journeys.refresh(a, t, FLOW, original);
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String successor = Journeys.json(rotated).get("refresh_token").asString();

        Browser.Response replay = Journeys.refresh(b, t, FLOW, original);
        assertThat(replay.status()).as(replay.body()).isEqualTo(400);
        assertThat(Journeys.json(replay).get("error").asString()).isEqualTo("invalid_grant");

        Browser.Response successorAfterReplay = Journeys.refresh(b, t, FLOW, successor);
        assertThat(successorAfterReplay.status()).as(successorAfterReplay.body()).isEqualTo(400);
        assertThat(Journeys.json(successorAfterReplay).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(Journeys.refresh(a, t, FLOW, successor).status()).as("refused on A too").isEqualTo(400);
    }

    /** Two journeys, one per node, one number: five codes in all (the default), the sixth sends nothing. */
    @Test
    void perNumberCodeCapIsSharedByJourneysOnDifferentNodes() {
        TestTenant t = a.newTenant();
        String number = usNumber();
        String e164 = "+1" + number;
        NodeBrowser onA = new NodeBrowser(a);
        NodeBrowser onB = new NodeBrowser(b);
        Browser.Response pageA = Journeys.requestSmsCode(onA, enrollPage(onA, t), number);
        Browser.Response pageB = Journeys.requestSmsCode(onB, enrollPage(onB, t), number);
        pageA = resend(onA, pageA);
        pageB = resend(onB, pageB);
        pageA = resend(onA, pageA);
        assertThat(List.of(pageA.pageError(), pageB.pageError())).containsOnly("");
        assertThat(Journeys.messagesTo(b.jdbc(), e164)).isEqualTo(5);

        Journeys.letResendWaitPass(a.jdbc(), pageB);
        Journeys.letResendWaitPass(a.jdbc(), pageA);
        Browser.Response refusedOnB = onB.submit(pageB, "form#phoneVerification", "button#sendCode", Map.of());
        Browser.Response refusedOnA = onA.submit(pageA, "form#phoneVerification", "button#sendCode", Map.of());

        assertThat(refusedOnB.pageError()).startsWith("Too many codes were sent to this number. Try again in");
        assertThat(refusedOnA.pageError()).startsWith("Too many codes were sent to this number. Try again in");
        assertThat(Journeys.messagesTo(a.jdbc(), e164)).isEqualTo(5);
    }

    private Node start(String name) {
        Node node = Node.start(name, schemaUrl);
        nodes.add(node);
        return node;
    }

    private static JsonNode signUpAndRedeemOn(Node node, TestTenant t) {
        NodeBrowser browser = new NodeBrowser(node);
        Browser.Response done = Journeys.signUp(browser, t, FLOW, Journeys.uniqueEmail(), node.jdbc());
        JsonNode tokens = Journeys.redeem(node, t, FLOW, Journeys.appResponse(done, t).get("code"));
        assertThat(tokens.get("refresh_token")).as("a refresh token (offline_access)").isNotNull();
        return tokens;
    }

    private Browser.Response enrollPage(NodeBrowser browser, TestTenant t) {
        Browser.Response enroll = Journeys.signUp(browser, t, MFA_FLOW, Journeys.uniqueEmail(), a.jdbc());
        assertThat(Journeys.isPhoneEnrollPage(enroll)).as(enroll.body()).isTrue();
        return enroll;
    }

    private Browser.Response resend(NodeBrowser browser, Browser.Response codePage) {
        Journeys.letResendWaitPass(a.jdbc(), codePage);
        Browser.Response page = browser.submit(codePage, "form#phoneVerification", "button#sendCode", Map.of());
        assertThat(page.pageError()).isEmpty();
        return page;
    }

    /** The code in the newest message to {@code e164}, as {@code node}'s dev outbox shows it. */
    private static String codeFromDevOutboxOf(Node node, String e164) {
        NodeBrowser reader = new NodeBrowser(node);
        JsonNode messages = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Journeys.json(
                reader.get("/dev/outbox/messages?to=" + URLEncoder.encode(e164, StandardCharsets.UTF_8))),
                array -> !array.isEmpty());
        return messages.get(0).get("code").asString();
    }

    private static boolean verifies(SignedJWT token, JWKSet keys) throws Exception {
        RSAKey key = (RSAKey) keys.getKeyByKeyId(token.getHeader().getKeyID());
        assertThat(key).as("kid " + token.getHeader().getKeyID() + " published").isNotNull();
        return token.verify(new RSASSAVerifier(key));
    }

    /** A valid US number (Redmond, WA), random enough that the per-number caps of tests never meet. */
    private static String usNumber() {
        return dev.foyer.testing.TestPhoneNumbers.usNational();
    }
}
