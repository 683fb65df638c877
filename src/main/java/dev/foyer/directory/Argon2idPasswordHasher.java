package dev.foyer.directory;

import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's minimum parameters by default (19 MiB, 2 iterations, 1 lane). Raising
 * them in configuration makes {@link #needsRehash} true for older hashes, so they are upgraded on
 * the user's next sign-in.
 *
 * <p>Each computation allocates its whole memory anew (Spring's encoder gives BouncyCastle's
 * generator no block pool to reuse), and more computations at once than
 * cores only share the cores while holding more memory. So at most
 * {@code foyer.passwords.argon2.max-concurrent} (default: the number of processors) run at once,
 * in arrival order; the heap they need is bounded by that number times {@code memory-kib}.
 */
@Component
public class Argon2idPasswordHasher implements PasswordHasher {

    private final Argon2PasswordEncoder encoder;
    private final Semaphore computations;

    /** As many computations at once as processors. */
    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism, int saltLength, int hashLength) {
        this(memoryKib, iterations, parallelism, saltLength, hashLength, 0);
    }

    @Autowired
    public Argon2idPasswordHasher(
            @Value("${foyer.passwords.argon2.memory-kib:19456}") int memoryKib,
            @Value("${foyer.passwords.argon2.iterations:2}") int iterations,
            @Value("${foyer.passwords.argon2.parallelism:1}") int parallelism,
            @Value("${foyer.passwords.argon2.salt-length:16}") int saltLength,
            @Value("${foyer.passwords.argon2.hash-length:32}") int hashLength,
            @Value("${foyer.passwords.argon2.max-concurrent:0}") int maxConcurrent) {
        if (iterations < 1 || parallelism < 1 || memoryKib < 8 * parallelism || saltLength < 8 || hashLength < 16) {
            throw new IllegalArgumentException("Argon2 parameters out of range: memory-kib=" + memoryKib
                    + ", iterations=" + iterations + ", parallelism=" + parallelism
                    + ", salt-length=" + saltLength + ", hash-length=" + hashLength);
        }
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("foyer.passwords.argon2.max-concurrent must be positive, or 0 for "
                    + "the number of processors: " + maxConcurrent);
        }
        this.encoder = new Argon2PasswordEncoder(saltLength, hashLength, parallelism, memoryKib, iterations);
        this.computations = new Semaphore(
                maxConcurrent == 0 ? Runtime.getRuntime().availableProcessors() : maxConcurrent, true);
    }

    /** How many more computations could start now without waiting. */
    int availableComputations() {
        return computations.availablePermits();
    }

    @Override
    public String hash(CharSequence password) {
        Objects.requireNonNull(password, "password");
        return bounded(() -> encoder.encode(password));
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        return bounded(() -> encoder.matches(password, hash));
    }

    @Override
    public boolean needsRehash(String hash) {
        try {
            return encoder.upgradeEncoding(hash);
        } catch (IllegalArgumentException malformed) {
            // A hash we cannot read never matched either, so there is nothing to upgrade.
            return false;
        }
    }

    private <T> T bounded(Supplier<T> computation) {
        computations.acquireUninterruptibly();
        try {
            return computation.get();
        } finally {
            computations.release();
        }
    }
}
