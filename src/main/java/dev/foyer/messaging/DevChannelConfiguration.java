package dev.foyer.messaging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * One dev channel per message type while {@code foyer.messaging.dev-channel.enabled} is on. It
 * does not take email when SMTP is configured, nor SMS and voice when a Twilio account is, so a
 * developer with a real provider gets real messages (and the dev outbox no longer shows them).
 * Decided from the configuration at start, not by bean conditions (see {@link Channel#enabled()}).
 */
@Configuration(proxyBeanMethods = false)
class DevChannelConfiguration {

    @Bean
    Channel devEmailChannel(MessagingProperties messaging, Environment environment) {
        return new DevChannel(ChannelType.EMAIL,
                messaging.devChannel().enabled() && !isSet(environment, "spring.mail.host"));
    }

    @Bean
    Channel devSmsChannel(MessagingProperties messaging, Environment environment) {
        return new DevChannel(ChannelType.SMS, messaging.devChannel().enabled() && !twilio(environment));
    }

    @Bean
    Channel devVoiceChannel(MessagingProperties messaging, Environment environment) {
        return new DevChannel(ChannelType.VOICE, messaging.devChannel().enabled() && !twilio(environment));
    }

    /** The Twilio channels' switch ({@code dev.foyer.messaging.twilio}). */
    private static boolean twilio(Environment environment) {
        return isSet(environment, "foyer.messaging.twilio.account-sid");
    }

    private static boolean isSet(Environment environment, String key) {
        String value = environment.getProperty(key);
        return value != null && !value.isBlank();
    }
}
