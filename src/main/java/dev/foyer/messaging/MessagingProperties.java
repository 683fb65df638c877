package dev.foyer.messaging;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code foyer.messaging.*}.
 *
 * @param pollInterval how often a node looks for due messages that no commit nudged it about
 * @param retryBackoff the waits after the 1st, 2nd, ... failed attempt; one more failure than
 *                     there are entries marks the message FAILED
 * @param claimTimeout how long a node may hold a message it is sending before others may take it
 * @param email        email settings
 * @param devChannel   the dev channel and the {@code /dev/outbox} page
 */
@ConfigurationProperties("foyer.messaging")
record MessagingProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue({"5s", "30s", "2m", "10m"}) List<Duration> retryBackoff,
        @DefaultValue("1m") Duration claimTimeout,
        @DefaultValue Email email,
        @DefaultValue DevChannel devChannel) {

    /** @param from the sender address of every email */
    record Email(@DefaultValue("no-reply@foyer.localhost") String from) {
    }

    /** @param enabled whether the dev channel and the outbox page exist; off in production */
    record DevChannel(@DefaultValue("true") boolean enabled) {
    }
}
