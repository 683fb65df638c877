package dev.foyer.messaging.twilio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Twilio channels, when {@code foyer.messaging.twilio.account-sid} is set (not merely present:
 * application.properties maps an unset environment variable to ""). The dev channel steps back from SMS
 * and voice under the same condition, as it does from email when SMTP is configured. The beans exist
 * either way and are enabled or not (see {@link dev.foyer.messaging.Channel#enabled()}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TwilioProperties.class)
class TwilioConfiguration {

    @Bean
    TwilioApi twilioApi(TwilioProperties properties) {
        return new TwilioApi(properties);
    }

    @Bean
    TwilioSmsChannel twilioSmsChannel(TwilioApi api) {
        return new TwilioSmsChannel(api);
    }

    @Bean
    TwilioVoiceChannel twilioVoiceChannel(TwilioApi api) {
        return new TwilioVoiceChannel(api);
    }
}
