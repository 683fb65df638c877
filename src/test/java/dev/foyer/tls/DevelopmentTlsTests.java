package dev.foyer.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.foyer.FoyerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "foyer.tls.port=0")
@ExtendWith(OutputCaptureExtension.class)
class DevelopmentTlsTests {

    // Resolved once: a ${random.uuid} placeholder would yield a new directory on every read.
    static final String DATA_DIR = "./target/test-data/" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    @Autowired
    TlsEndpoint tls;

    @Test
    void getOverHttpsWhenClientTrustsOnlyDevelopmentCaThenSucceeds() throws Exception {
        HttpResponse<String> response = getOverHttps(tls.port(), caFile());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.uri().getScheme()).isEqualTo("https");
    }

    @Test
    void getOverHttpsThenStrictTransportSecuritySet() throws Exception {
        HttpResponse<String> response = getOverHttps(tls.port(), caFile());

        assertThat(response.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000");
        assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void startWhenNoKeystoreConfiguredThenCaFileCreatedInDataDir() {
        assertThat(caFile()).isEqualTo(Path.of(DATA_DIR).resolve("tls/foyer-dev-ca.crt").toAbsolutePath().normalize());
        assertThat(Files.isRegularFile(caFile())).isTrue();
        assertThat(tls.port()).isPositive();
    }

    @Test
    void startWhenSameDataDirAgainThenReusesCaAndLogsWhereItIs(CapturedOutput output) throws Exception {
        String fingerprint = TrustOnly.fingerprint(caFile());

        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(FoyerApplication.class)
                .run("--foyer.data-dir=" + DATA_DIR, "--server.port=0", "--foyer.tls.port=0")) {
            TlsEndpoint secondTls = second.getBean(TlsEndpoint.class);

            assertThat(secondTls.caFile()).contains(caFile());
            assertThat(TrustOnly.fingerprint(caFile())).isEqualTo(fingerprint);
            assertThat(getOverHttps(secondTls.port(), caFile()).statusCode()).isEqualTo(404);
            assertThat(output).contains("HTTPS on https://localhost:" + secondTls.port()
                    + " — development certificate; trust the CA in " + caFile());
        }
    }

    private Path caFile() {
        return tls.caFile().orElseThrow();
    }

    private static HttpResponse<String> getOverHttps(int port, Path caFile) throws Exception {
        return TrustOnly.client(caFile).send(
                HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/no-such-page")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
