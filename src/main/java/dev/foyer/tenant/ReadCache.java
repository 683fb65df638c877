package dev.foyer.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * A node-local cache of rows read on nearly every request (tenants, applications, user flows),
 * holding the parsed, immutable objects. Entries live a short time-to-live, so another node's
 * change is seen within it; the adapter that writes calls {@link #invalidateAll()}, so this node
 * sees its own change at once. Only hits are kept: something created elsewhere is found at once.
 */
public final class ReadCache<K, V> {

    private final Cache<K, V> cache;

    ReadCache(Duration timeToLive, long maximumSize, Clock clock) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(timeToLive)
                .maximumSize(maximumSize)
                .ticker(ticker(clock))
                .build();
    }

    /** The cached value, or what {@code loader} finds (kept only when present). */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        return Optional.ofNullable(cache.get(key, k -> loader.apply(k).orElse(null)));
    }

    /**
     * Forgets everything, now and again when the current transaction ends: a reader could
     * otherwise load the old row between this call and the commit and keep it for a whole TTL.
     */
    public void invalidateAll() {
        cache.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidateAll();
                }
            });
        }
    }

    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
