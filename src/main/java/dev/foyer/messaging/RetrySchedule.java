package dev.foyer.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** When to try a message again after a failed attempt, and when to give up. */
record RetrySchedule(List<Duration> backoff) {

    RetrySchedule {
        backoff = List.copyOf(backoff);
    }

    /** The wait before the next attempt, or empty when {@code failedAttempts} is the last allowed. */
    Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > backoff.size()) {
            return Optional.empty();
        }
        return Optional.of(backoff.get(failedAttempts - 1));
    }
}
