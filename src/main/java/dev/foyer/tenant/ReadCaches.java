package dev.foyer.tenant;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link ReadCache}s of the adapters, all with the same settings:
 * {@code foyer.read-cache.ttl} (how long another node's change may go unseen; zero turns caching
 * off) and {@code foyer.read-cache.max-entries} (per cache).
 */
@Component
public class ReadCaches {

    private final Duration timeToLive;
    private final long maximumSize;
    private final Clock clock;

    public ReadCaches(@Value("${foyer.read-cache.ttl:3s}") Duration timeToLive,
                      @Value("${foyer.read-cache.max-entries:10000}") long maximumSize,
                      Clock clock) {
        if (timeToLive.isNegative() || maximumSize < 0) {
            throw new IllegalArgumentException("foyer.read-cache.ttl and max-entries must not be negative: "
                    + timeToLive + ", " + maximumSize);
        }
        this.timeToLive = timeToLive;
        this.maximumSize = maximumSize;
        this.clock = clock;
    }

    /** Caches that keep nothing: every lookup reads the database. */
    public static ReadCaches none() {
        return new ReadCaches(Duration.ZERO, 0, Clock.systemUTC());
    }

    public <K, V> ReadCache<K, V> create() {
        return new ReadCache<>(timeToLive, timeToLive.isZero() ? 0 : maximumSize, clock);
    }
}
