package dev.foyer.directory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Argon2id with OWASP's minimum parameters by default (19 MiB, 2 iterations, 1 lane), in the PHC
 * string format Spring Security's {@code Argon2PasswordEncoder} reads and writes. Raising the
 * parameters in configuration makes {@link #needsRehash} true for older hashes, so they are
 * upgraded on the user's next sign-in.
 *
 * <p>More computations at once than cores only share the cores while holding more memory, so at
 * most {@code foyer.passwords.argon2.max-concurrent} (default: the number of processors) run at
 * once, in arrival order. Each of them borrows one {@link Argon2Memory} and gives it back zeroed:
 * the hasher keeps at most that number times {@code memory-kib} and allocates nothing per check,
 * where a fresh 19 MiB per check made the heap grow under sign-in load and the collector work.
 *
 * <p>Publishes {@code foyer.passwords.argon2.computations} and {@code foyer.passwords.argon2.cpu}
 * (CPU seconds spent computing), so the cost of passwords can be told from the rest of a sign-in.
 */
@Component
public class Argon2idPasswordHasher implements PasswordHasher, MeterBinder {

    private static final int VERSION = Argon2Parameters.ARGON2_VERSION_13;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final int saltLength;
    private final int hashLength;
    private final BlockingQueue<Argon2Memory> memories;
    private final SecureRandom random = new SecureRandom();
    private final LongAdder computations = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();

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
        if (iterations < 1 || parallelism < 1 || parallelism > 255 || memoryKib < 8 * parallelism
                || saltLength < 8 || saltLength > 64 || hashLength < 16 || hashLength > 128) {
            throw new IllegalArgumentException("Argon2 parameters out of range: memory-kib=" + memoryKib
                    + ", iterations=" + iterations + ", parallelism=" + parallelism
                    + ", salt-length=" + saltLength + ", hash-length=" + hashLength);
        }
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("foyer.passwords.argon2.max-concurrent must be positive, or 0 for "
                    + "the number of processors: " + maxConcurrent);
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.saltLength = saltLength;
        this.hashLength = hashLength;
        int concurrent = maxConcurrent == 0 ? Runtime.getRuntime().availableProcessors() : maxConcurrent;
        this.memories = new ArrayBlockingQueue<>(concurrent, true);
        for (int i = 0; i < concurrent; i++) {
            memories.add(new Argon2Memory(memoryKib, parallelism));
        }
    }

    @Override
    public String hash(CharSequence password) {
        Objects.requireNonNull(password, "password");
        byte[] salt = new byte[saltLength];
        random.nextBytes(salt);
        Argon2Hash parameters = new Argon2Hash(Argon2Parameters.ARGON2_id, VERSION, memoryKib, iterations,
                parallelism, salt, new byte[hashLength]);
        byte[] secret = utf8(password);
        try {
            return new Argon2Hash(parameters.type(), VERSION, memoryKib, iterations, parallelism, salt,
                    compute(parameters, secret)).encode();
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        Argon2Hash stored;
        byte[] secret;
        try {
            stored = Argon2Hash.parse(hash);
            secret = utf8(password);
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        try {
            return MessageDigest.isEqual(compute(stored, secret), stored.hash());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Random salt and random bytes in the hash's place: no password's Argon2id output equals them
     * (but with a chance of 2<sup>-8·hash-length</sup>), and a check against them runs the full
     * computation with the current parameters.
     */
    @Override
    public String decoyHash() {
        byte[] salt = new byte[saltLength];
        byte[] hash = new byte[hashLength];
        random.nextBytes(salt);
        random.nextBytes(hash);
        return new Argon2Hash(Argon2Parameters.ARGON2_id, VERSION, memoryKib, iterations, parallelism, salt, hash)
                .encode();
    }

    @Override
    public boolean needsRehash(String hash) {
        Argon2Hash stored;
        try {
            stored = Argon2Hash.parse(hash);
        } catch (IllegalArgumentException unreadable) {
            // A hash we cannot read never matched either, so there is nothing to upgrade.
            return false;
        }
        return stored.type() != Argon2Parameters.ARGON2_id || stored.version() != VERSION
                || stored.memoryKib() < memoryKib || stored.iterations() < iterations;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("foyer.passwords.argon2.computations", computations, LongAdder::doubleValue)
                .description("Argon2 password hashes computed (sign-ins, sign-ups, password changes)")
                .register(registry);
        FunctionCounter.builder("foyer.passwords.argon2.cpu", cpuNanos, nanos -> nanos.doubleValue() / 1e9)
                .baseUnit("seconds")
                .description("CPU time spent computing Argon2 password hashes")
                .register(registry);
        Gauge.builder("foyer.passwords.argon2.idle", memories, BlockingQueue::size)
                .description("Argon2 computations that could start now without waiting")
                .register(registry);
    }

    /** How many more computations could start now without waiting. */
    int availableComputations() {
        return memories.size();
    }

    /** Blocks of Argon2 memory the hasher holds for reuse, over all its computations. */
    int heldBlocks() {
        return memories.stream().mapToInt(Argon2Memory::kept).sum();
    }

    private byte[] compute(Argon2Hash parameters, byte[] password) {
        Argon2Memory memory = borrow();
        long cpuFrom = THREADS.getCurrentThreadCpuTime();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(parameters.type())
                    .withVersion(parameters.version())
                    .withMemoryAsKB(parameters.memoryKib())
                    .withIterations(parameters.iterations())
                    .withParallelism(parameters.parallelism())
                    .withSalt(parameters.salt())
                    .withBlockPool(memory)
                    .build());
            byte[] out = new byte[parameters.hash().length];
            generator.generateBytes(password, out);
            return out;
        } finally {
            cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuFrom);
            computations.increment();
            memories.add(memory);
        }
    }

    /** Waits for a computation's memory, in arrival order; an interrupt is kept for the caller. */
    private Argon2Memory borrow() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return memories.take();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The password's UTF-8 bytes, as Spring's encoder takes them; a lone surrogate is refused. */
    private static byte[] utf8(CharSequence password) {
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(password));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("The password is not valid Unicode text", e);
        }
    }
}
