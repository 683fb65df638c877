package dev.foyer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "foyer.tls.port=0")
class ConfiguredKeystoreTlsTests {

    // Resolved once: a ${random.uuid} placeholder would yield a new directory on every read.
    static final String DATA_DIR = "./target/test-data/" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    // A keystore made elsewhere, as an operator would bring one.
    static final Path OPERATOR_DIR = Path.of("target/test-data/operator-" + UUID.randomUUID()).toAbsolutePath();

    @DynamicPropertySource
    static void keystore(DynamicPropertyRegistry registry) {
        TlsCertificate made = new DevelopmentCertificates(OPERATOR_DIR, Clock.systemUTC()).ensure();
        registry.add("foyer.tls.keystore.path", () -> OPERATOR_DIR.resolve("foyer-dev-server.p12").toString());
        registry.add("foyer.tls.keystore.password", made::password);
    }

    @Autowired
    TlsEndpoint tls;

    @Test
    void startWhenKeystoreConfiguredThenServesItAndCreatesNoDevelopmentCa() throws Exception {
        HttpResponse<String> response = TrustOnly.client(OPERATOR_DIR.resolve("foyer-dev-ca.crt")).send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + tls.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString());

        // "/" is the landing page since the demo pages exist; what matters is that the handshake succeeded.
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(tls.caFile()).isEmpty();
        assertThat(Files.exists(Path.of(DATA_DIR).resolve("tls"))).isFalse();
    }
}
