package dev.foyer;

import dev.foyer.security.CodePolicy;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans shared by every feature. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CodePolicy.class)
class FoyerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
