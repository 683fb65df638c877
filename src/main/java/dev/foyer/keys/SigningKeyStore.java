package dev.foyer.keys;

import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;

/** Port: the current tenant's signing keys. Adapters take the tenant from the tenant context. */
interface SigningKeyStore {

    /** The active key and retired keys whose publication has not ended at {@code now}. */
    List<StoredSigningKey> findPublished(Instant now);

    /**
     * Stores {@code key} as the active key unless the tenant already has one.
     *
     * @return false when another caller stored an active key first
     */
    boolean addFirstActive(RSAKey key, Instant now);

    /**
     * Retires the active key (published until {@code retireUntil}) and makes {@code key} active,
     * in one transaction.
     *
     * @return false when a concurrent rotation won; nothing changed
     */
    boolean rotateTo(RSAKey key, Instant now, Instant retireUntil);
}
