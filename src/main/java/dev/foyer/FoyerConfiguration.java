package dev.foyer;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans shared by every feature. */
@Configuration
@EnableScheduling
class FoyerConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
