package dev.foyer.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One dev channel per message type while {@code foyer.messaging.dev-channel.enabled} is on. It
 * does not take email when SMTP is configured, nor SMS and voice when a Twilio account is, so a
 * developer with a real provider gets real messages (and the dev outbox no longer shows them).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "foyer.messaging.dev-channel.enabled", matchIfMissing = true)
class DevChannelConfiguration {

    /** The negation of the Twilio channels' condition ({@code dev.foyer.messaging.twilio}). */
    private static final String NO_TWILIO = "'${foyer.messaging.twilio.account-sid:}'.isBlank()";

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
    Channel devEmailChannel() {
        return new DevChannel(ChannelType.EMAIL);
    }

    @Bean
    @ConditionalOnExpression(NO_TWILIO)
    Channel devSmsChannel() {
        return new DevChannel(ChannelType.SMS);
    }

    @Bean
    @ConditionalOnExpression(NO_TWILIO)
    Channel devVoiceChannel() {
        return new DevChannel(ChannelType.VOICE);
    }
}
