package dev.foyer.mfa.phone;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on phone codes (PRODUCT.md "Defaults that protect users"): server-wide defaults under
 * {@code foyer.mfa.phone.*}, overridden per tenant by its setting {@code phoneCodeLimits}.
 *
 * @param perNumberPerHour codes sent to one phone number per hour, across all journeys and nodes
 * @param perIpPerHour     codes requested from one client address per hour
 */
@ConfigurationProperties("foyer.mfa.phone")
public record PhoneCodeLimits(Integer perNumberPerHour, Integer perIpPerHour) {

    public static final String SETTING = "phoneCodeLimits";
    static final Duration HOUR = Duration.ofHours(1);

    public PhoneCodeLimits {
        perNumberPerHour = perNumberPerHour == null ? 5 : perNumberPerHour;
        perIpPerHour = perIpPerHour == null ? 20 : perIpPerHour;
    }
}
