package dev.foyer.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One dev channel per message type while {@code foyer.messaging.dev-channel.enabled} is on. It
 * does not take email when SMTP is configured, so a developer with a mail server gets real mail.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "foyer.messaging.dev-channel.enabled", matchIfMissing = true)
class DevChannelConfiguration {

    @Bean
    @ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
    Channel devEmailChannel() {
        return new DevChannel(ChannelType.EMAIL);
    }

    @Bean
    Channel devSmsChannel() {
        return new DevChannel(ChannelType.SMS);
    }

    @Bean
    Channel devVoiceChannel() {
        return new DevChannel(ChannelType.VOICE);
    }
}
