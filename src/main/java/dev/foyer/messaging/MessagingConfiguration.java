package dev.foyer.messaging;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the dispatcher's poll and binds {@code foyer.messaging.*} and {@code spring.mail.*}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({MessagingProperties.class, MailProperties.class})
class MessagingConfiguration {
}
