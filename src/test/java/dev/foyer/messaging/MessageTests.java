package dev.foyer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MessageTests {

    @Test
    void newMessageWhenMadeWithoutCodeThenCodeIsNull() {
        Message message = new Message(ChannelType.SMS, "+15550001234", null, "Your code is 123456", "mfa-sms");

        assertThat(message.code()).isNull();
    }

    @Test
    void toStringWhenMessageCarriesCodeThenShowsNeitherCodeNorBodyNorFullRecipient() {
        Message message = new Message(ChannelType.SMS, "+15550001234", null, "Your code is 918273", "mfa-sms",
                "918273");
        OutboundMessage outbound = new OutboundMessage(UUID.randomUUID(), UUID.randomUUID(), ChannelType.SMS,
                "+15550001234", null, "Your code is 918273", "mfa-sms", Instant.now(), "918273");

        assertThat(message.toString()).doesNotContain("918273", "+15550001234").contains("mfa-sms");
        assertThat(outbound.toString()).doesNotContain("918273", "+15550001234").contains("mfa-sms");
        assertThat(outbound.toMessage()).isEqualTo(message);
    }

    @Test
    void newMessageWhenCodeIsBlankOrTooLongThenRejected() {
        assertThatThrownBy(() -> new Message(ChannelType.SMS, "+15550001234", null, "body", "mfa-sms", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Message(ChannelType.SMS, "+15550001234", null, "body", "mfa-sms",
                "12345678901234567")).isInstanceOf(IllegalArgumentException.class);
    }
}
