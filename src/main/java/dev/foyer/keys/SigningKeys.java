package dev.foyer.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.foyer.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The current tenant's token signing keys. Reads go through a short per-tenant cache so signing
 * does not touch the database each time; {@link #rotate()} drops the cache on this node, and other
 * nodes pick the new key up when their cache expires (the old key stays published meanwhile).
 */
@Service
@EnableConfigurationProperties(KeysProperties.class)
public class SigningKeys {

    private static final int KEY_SIZE = 2048;
    private static final int ROTATION_ATTEMPTS = 3;
    // An unknown kid may come from a rotation on another node; re-read, but not on every probe.
    private static final Duration UNKNOWN_KID_RELOAD_INTERVAL = Duration.ofSeconds(1);

    private final SigningKeyStore store;
    private final KeysProperties properties;
    private final Clock clock;
    private final Map<UUID, CachedKeys> cache = new ConcurrentHashMap<>();

    @Autowired
    public SigningKeys(SigningKeyStore store, KeysProperties properties) {
        this(store, properties, Clock.systemUTC());
    }

    SigningKeys(SigningKeyStore store, KeysProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** The active RS256 key with its private part; created and stored on the tenant's first use. */
    public RSAKey activeKey() {
        return cached().active().orElseGet(this::createFirstKey);
    }

    /** The active key's signer, made once each time the key is loaded into the cache. */
    public ActiveSigner activeSigner() {
        return cached().signer().orElseGet(() -> {
            createFirstKey();
            return cached().signer()
                    .orElseThrow(() -> new IllegalStateException("No active signing key after creating one"));
        });
    }

    /** The active key and retired keys still within their publication period, public parts only. */
    public JWKSet publicKeys() {
        activeKey();
        List<JWK> keys = cached().published(clock.instant()).stream()
                .map(key -> (JWK) key.jwk().toPublicJWK())
                .toList();
        return new JWKSet(keys);
    }

    /** The active key and the retired keys still published, newest first, without key material. */
    public List<PublishedKey> describePublished() {
        activeKey();
        return store.findPublished(clock.instant()).stream()
                .map(key -> new PublishedKey(key.kid(), key.createdAt(), key.status().name(), key.retireUntil()))
                .toList();
    }

    /** Makes a new key active; the previous one stays published for the retired-key period. */
    public RSAKey rotate() {
        for (int attempt = 1; attempt <= ROTATION_ATTEMPTS; attempt++) {
            RSAKey next = generate();
            Instant now = clock.instant();
            boolean rotated = store.rotateTo(next, now, now.plus(properties.retiredKeyPublication()));
            evict();
            if (rotated) {
                return next;
            }
        }
        throw new IllegalStateException("Signing key rotation kept colliding with other rotations");
    }

    /** A published key of the current tenant, with its private part, by key id. */
    public Optional<RSAKey> findPublished(String kid) {
        Optional<RSAKey> found = cached().find(kid, clock.instant());
        if (found.isEmpty() && cached().age(clock.instant()).compareTo(UNKNOWN_KID_RELOAD_INTERVAL) > 0) {
            evict();
            found = cached().find(kid, clock.instant());
        }
        return found;
    }

    private RSAKey createFirstKey() {
        store.addFirstActive(generate(), clock.instant());
        evict();
        // Whoever won the race, the stored key is the one every caller must use.
        return cached().active()
                .orElseThrow(() -> new IllegalStateException("No active signing key after creating one"));
    }

    /**
     * The tenant's keys as last read, read again once older than the cache TTL. A fresh entry is
     * read without a lock: every token signed asks for it, from every request thread at once.
     */
    private CachedKeys cached() {
        Instant now = clock.instant();
        UUID tenant = TenantContext.currentId();
        CachedKeys keys = cache.get(tenant);
        if (keys != null && isFresh(keys, now)) {
            return keys;
        }
        return cache.compute(tenant, (id, current) -> current != null && isFresh(current, now)
                ? current
                : new CachedKeys(store.findPublished(now), now));
    }

    private boolean isFresh(CachedKeys keys, Instant now) {
        return keys.age(now).compareTo(properties.cacheTtl()) < 0;
    }

    private void evict() {
        cache.remove(TenantContext.currentId());
    }

    private RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate an RSA signing key", e);
        }
    }

    private record CachedKeys(List<StoredSigningKey> keys, Instant loadedAt, Optional<ActiveSigner> signer) {

        CachedKeys(List<StoredSigningKey> keys, Instant loadedAt) {
            this(keys, loadedAt, keys.stream().filter(StoredSigningKey::isActive).findFirst()
                    .map(key -> ActiveSigner.of(key.jwk())));
        }

        Optional<RSAKey> active() {
            return keys.stream().filter(StoredSigningKey::isActive).map(StoredSigningKey::jwk).findFirst();
        }

        List<StoredSigningKey> published(Instant now) {
            return keys.stream().filter(key -> key.isPublishedAt(now)).toList();
        }

        Optional<RSAKey> find(String kid, Instant now) {
            return published(now).stream()
                    .filter(key -> key.kid().equals(kid))
                    .map(StoredSigningKey::jwk)
                    .findFirst();
        }

        Duration age(Instant now) {
            return Duration.between(loadedAt, now);
        }
    }
}
