package dev.foyer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.foyer.tenant.Tenant;
import dev.foyer.tenant.TenantContext;

/** With {@code spring.mail.host} set, email goes to the SMTP server and not to the dev channel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "foyer.data-dir=./target/test-data/${random.uuid}",
        "spring.mail.host=127.0.0.1",
        "foyer.messaging.email.from=accounts@contoso.example"})
class SmtpEmailChannelTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxDispatcher dispatcher;

    private Tenant tenant;

    @BeforeEach
    void tenant() {
        tenant = TestTenants.create(jdbc);
    }

    @Test
    void sendWhenSmtpIsConfiguredThenTheServerReceivesTheEmail() throws Exception {
        String to = "ada-" + UUID.randomUUID() + "@example.com";
        UUID id = TenantContext.call(tenant, () -> outbox.enqueue(new Message(ChannelType.EMAIL, to,
                "Verify your email", "Your code is 424242", "email-verification")));

        await().atMost(Duration.ofSeconds(10)).until(() -> received(to) != null);

        MimeMessage mail = received(to);
        assertThat(mail.getSubject()).isEqualTo("Verify your email");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("accounts@contoso.example");
        assertThat(GreenMailUtil.getBody(mail).strip()).isEqualTo("Your code is 424242");
        assertThat(mail.getHeader("X-Foyer-Purpose")).containsExactly("email-verification");
        await().atMost(Duration.ofSeconds(5)).until(() -> OutboxRow.get(jdbc, id).status().equals("SENT"));
        assertThat(OutboxRow.get(jdbc, id).deliveredBy()).isEqualTo("SmtpEmailChannel");
        assertThat(dispatcher.channels()).noneMatch(channel -> channel instanceof DevChannel && channel.type() == ChannelType.EMAIL);
    }

    @Test
    void sendWhenSmtpIsConfiguredThenSmsStillGoesToTheDevChannel() {
        UUID id = TenantContext.call(tenant, () -> outbox.enqueue(
                new Message(ChannelType.SMS, "+15550002222", null, "Your code is 111111", "mfa-sms")));

        await().atMost(Duration.ofSeconds(5)).until(() -> OutboxRow.get(jdbc, id).status().equals("SENT"));
        assertThat(OutboxRow.get(jdbc, id).deliveredBy()).isEqualTo("dev");
    }

    private static MimeMessage received(String to) throws Exception {
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(to)) {
                return message;
            }
        }
        return null;
    }
}
