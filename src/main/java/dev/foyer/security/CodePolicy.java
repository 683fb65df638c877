package dev.foyer.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rules for one-time codes sent to people (PRODUCT.md "Defaults that protect users").
 *
 * @param lifetime   how long a code is valid (default 10 minutes)
 * @param tries      wrong tries before a code is dead (default 5)
 * @param perJourney codes one journey may send (default 10)
 */
@ConfigurationProperties("foyer.codes")
public record CodePolicy(Duration lifetime, Integer tries, Integer perJourney) {

    public CodePolicy {
        lifetime = lifetime == null ? Duration.ofMinutes(10) : lifetime;
        tries = tries == null ? 5 : tries;
        perJourney = perJourney == null ? 10 : perJourney;
    }

    /** A new code under this policy, valid from {@code now}. */
    public OneTimeCode.Issued issue(java.time.Instant now) {
        return OneTimeCode.issue(now.plus(lifetime), tries);
    }
}
