package dev.foyer.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.foyer.application.ApplicationType;
import dev.foyer.tenant.TenantContext;
import dev.foyer.testing.TestTenant;
import dev.foyer.tls.TlsEndpoint;
import java.io.File;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@code examples/spa}: a Vite app with Microsoft's {@code @azure/msal-browser}, configured as for
 * Azure AD B2C with Foyer's HTTPS authority, and its Node server whose API checks the access token
 * with {@code jose}. The test builds the app with npm (from the lock file) when {@code dist/} is
 * missing or older than its sources, and runs {@code node server.mjs} on a free port.
 */
class SpaInChromiumTests extends ExampleInChromiumTest {

    private static final Path SPA = Path.of("examples/spa");

    @Autowired
    TlsEndpoint tls;

    private Process server;

    @Override
    protected String[] browserArguments() throws Exception {
        // Trust exactly the development certificate Foyer serves, as a developer who imported its CA would.
        return new String[] {"--ignore-certificate-errors-spki-list=" + servedCertificateSpki()};
    }

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void msalSignsInCallsTheApiWithTheAccessTokenAndSignsOut() throws Exception {
        TestTenant t = newTenant();
        String spa = startSpa(t);

        driver.get(spa + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in"))).click();
        wait.until(ExpectedConditions.urlContains("/" + t.name() + "/b2c_1_susi/"));
        assertThat(driver.getCurrentUrl()).startsWith(httpsOrigin() + "/" + t.name() + "/b2c_1_susi/");
        signUpOnFoyer(uniqueEmail());

        assertThat(textOf("name")).isEqualTo("Ada Lovelace");
        assertThat(textOf("tfp")).isEqualTo("B2C_1_susi");
        assertThat(driver.getCurrentUrl()).startsWith(spa + "/");
        assertThat(driver.findElement(By.id("error")).isDisplayed()).isFalse();

        driver.findElement(By.id("call-api")).click();
        assertThat(textOf("points")).isEqualTo("1280");
        JsonNode token = json.readTree(textOf("api-token"));
        assertThat(token.get("aud").asString()).isEqualTo(t.spaClientId().toString());
        assertThat(token.get("iss").asString()).isEqualTo(httpsOrigin() + "/" + t.name() + "/b2c_1_susi/v2.0");
        assertThat(token.get("tfp").asString()).isEqualTo("B2C_1_susi");
        assertThat(token.get("scp").asString()).contains(t.spaClientId().toString());

        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
        assertThat(driver.getCurrentUrl()).startsWith(spa + "/");
        assertThat(textOf("status")).isEqualTo("You are signed out.");

        // Foyer's session ended too: signing in again asks for the password.
        driver.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertThat(driver.getCurrentUrl()).startsWith(httpsOrigin() + "/" + t.name() + "/b2c_1_susi/");
    }

    @Test
    void apiRefusesARequestWithoutATokenAndATokenFoyerDidNotSign() throws Exception {
        TestTenant t = newTenant();
        String spa = startSpa(t);

        assertThat(callApi(spa, null).statusCode()).isEqualTo(401);

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger")
                .type(new JOSEObjectType("at+jwt")).build(), new JWTClaimsSet.Builder()
                .issuer(httpsOrigin() + "/" + t.name() + "/b2c_1_susi/v2.0").audience(t.spaClientId().toString())
                .subject("someone").expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        forged.sign(new RSASSASigner(stranger));
        HttpResponse<String> refused = callApi(spa, forged.serialize());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
    }

    private String startSpa(TestTenant t) throws Exception {
        Node.requireInstalled();
        Node.buildIfStale(SPA);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String spa = "http://localhost:" + port;
        TenantContext.run(t.tenant(), () -> {
            var app = applications.findByClientId(t.spaClientId()).orElseThrow();
            applications.update(new dev.foyer.application.Application(app.clientId(), "Contoso Rewards",
                    ApplicationType.SPA, List.of(spa + "/"), Optional.empty()));
        });
        File log = Path.of("target", "spa-server-" + port + ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder("node", "server.mjs").directory(SPA.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log);
        builder.environment().putAll(Map.of("PORT", String.valueOf(port),
                "FOYER_AUTHORITY", httpsOrigin() + "/" + t.name() + "/B2C_1_susi",
                "CLIENT_ID", t.spaClientId().toString(),
                "FOYER_CA_FILE", tls.caFile().orElseThrow().toString()));
        server = builder.start();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(server.isAlive()).as("node server.mjs is running; its log:\n" + Files.readString(log.toPath()))
                    .isTrue();
            return answers(spa + "/config.json");
        });
        return spa;
    }

    private String httpsOrigin() {
        return "https://localhost:" + tls.port();
    }

    private static boolean answers(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    private static HttpResponse<String> callApi(String spa, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(spa + "/api/rewards"));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Base64 of the SHA-256 of the served certificate's public key, as Chromium's SPKI list wants it. */
    private String servedCertificateSpki() throws Exception {
        X509Certificate ca;
        try (InputStream in = Files.newInputStream(tls.caFile().orElseThrow())) {
            ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("foyer-dev-ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", tls.port())) {
            socket.startHandshake();
            X509Certificate served = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(served.getPublicKey().getEncoded()));
        }
    }
}
