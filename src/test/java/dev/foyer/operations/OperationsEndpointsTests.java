package dev.foyer.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.foyer.testing.Browser;
import dev.foyer.testing.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * What a load balancer and a monitoring system need: liveness and readiness, and Prometheus metrics
 * — on the management port, never on the public one.
 */
class OperationsEndpointsTests extends EndToEndTest {

    @Autowired
    Environment environment;

    private Browser management() {
        return new Browser("http://127.0.0.1:" + environment.getProperty("local.management.port"));
    }

    @Test
    void healthLivenessAndReadinessAnswerUpOnTheManagementPort() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Browser.Response response = management().get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(jsonOf(response).get("status").asString()).as(path).isEqualTo("UP");
        }
    }

    @Test
    void prometheusMetricsIncludeHttpRequestsAndTheConnectionPool() {
        browser().get("/");
        Browser.Response metrics = management().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds_count").contains("hikaricp_connections");
    }

    @Test
    void securityEventsAreCountedByType() {
        dev.foyer.testing.TestTenant t = newTenant();
        Browser browser = browser();
        signIn(browser, browser.open(authorizeUrl(t, "B2C_1_susi", java.util.Map.of())), uniqueEmail(), "Wrong-123");
        assertThat(management().get("/actuator/prometheus").body())
                .containsPattern("foyer_events_total\\{[^}]*type=\"signIn.failed\"[^}]*\\} [1-9]");
    }

    @Test
    void thePublicPortServesNoOperationsEndpoints() {
        assertThat(browser().get("/actuator/health").status()).isEqualTo(404);
        assertThat(browser().get("/actuator/prometheus").status()).isEqualTo(404);
    }
}
