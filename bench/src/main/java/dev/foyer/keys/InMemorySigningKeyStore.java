package dev.foyer.keys;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Instant;
import java.util.List;

/** For micro-benchmarks: one active key held in memory, so signing is measured without a database. */
public final class InMemorySigningKeyStore implements SigningKeyStore {

    private volatile List<StoredSigningKey> keys = List.of();

    @Override
    public List<StoredSigningKey> findPublished(Instant now) {
        return keys;
    }

    @Override
    public boolean addFirstActive(RSAKey key, Instant now) {
        keys = List.of(new StoredSigningKey(key, StoredSigningKey.Status.ACTIVE, now, null));
        return true;
    }

    @Override
    public boolean rotateTo(RSAKey key, Instant now, Instant retireUntil) {
        return addFirstActive(key, now);
    }
}
