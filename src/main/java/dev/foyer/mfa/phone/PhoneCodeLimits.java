package dev.foyer.mfa.phone;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on phone codes (PRODUCT.md "Defaults that protect users").
 *
 * @param perNumberPerHour codes sent to one phone number per hour, across all journeys and nodes
 * @param perIpPerHour     codes requested from one client address per hour
 */
@ConfigurationProperties("foyer.mfa.phone")
record PhoneCodeLimits(Integer perNumberPerHour, Integer perIpPerHour) {

    static final Duration HOUR = Duration.ofHours(1);

    PhoneCodeLimits {
        perNumberPerHour = perNumberPerHour == null ? 5 : perNumberPerHour;
        perIpPerHour = perIpPerHour == null ? 20 : perIpPerHour;
    }
}
