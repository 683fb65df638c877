package dev.foyer.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "foyer.tls.enabled=false")
class TlsDisabledTests {

    // Resolved once: a ${random.uuid} placeholder would yield a new directory on every read.
    static final String DATA_DIR = "./target/test-data/" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("foyer.data-dir", () -> DATA_DIR);
    }

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void startWhenTlsDisabledThenOnlyPlainHttpConnector() {
        Connector[] connectors = ((TomcatWebServer) context.getWebServer()).getTomcat().getService().findConnectors();

        assertThat(connectors).hasSize(1);
        assertThat(Arrays.stream(connectors).noneMatch(Connector::getSecure)).isTrue();
        TlsEndpoint endpoint = context.getBean(TlsEndpoint.class);
        assertThatIllegalStateException().isThrownBy(endpoint::port);
        assertThat(endpoint.caFile()).isEmpty();
        assertThat(Files.exists(Path.of(DATA_DIR, "tls"))).as("no development CA made").isFalse();
    }
}
