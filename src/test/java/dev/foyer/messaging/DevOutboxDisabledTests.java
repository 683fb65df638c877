package dev.foyer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;

/** With the dev channel off (production), there is no outbox page and nothing takes messages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foyer.data-dir=./target/test-data/${random.uuid}",
        "foyer.messaging.dev-channel.enabled=false"})
class DevOutboxDisabledTests {

    @LocalServerPort
    int port;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;

    @Test
    void devOutboxWhenDevChannelDisabledThenPageAndJsonAreNotFound() {
        DevOutboxHttp http = new DevOutboxHttp(port);

        assertThat(http.get("/dev/outbox").statusCode()).isEqualTo(404);
        assertThat(http.get("/dev/outbox.json").statusCode()).isEqualTo(404);
        assertThat(http.get("/dev/outbox/messages").statusCode()).isEqualTo(404);
        assertThat(http.get("/dev/outbox/messages?to=%2B15550003333").statusCode()).isEqualTo(404);
        assertThat(http.get("/dev/outbox.json?to=someone%40example.com").statusCode()).isEqualTo(404);
    }

    @Test
    void enqueueWhenNoChannelIsConfiguredThenMessageWaitsWithReason() {
        assertThat(dispatcher.channels()).isEmpty();
        Tenant tenant = TestTenants.create(jdbc);

        UUID id = TenantContext.call(tenant, () -> outbox.enqueue(
                new Message(ChannelType.SMS, "+15550003333", null, "Your code is 222222", "mfa-sms")));

        await().atMost(Duration.ofSeconds(5)).until(() -> "no channel configured".equals(OutboxRow.get(jdbc, id).lastError()));
        assertThat(OutboxRow.get(jdbc, id).status()).isEqualTo("PENDING");
        assertThat(OutboxRow.get(jdbc, id).attempts()).isZero();
    }
}
