package dev.foyer.bench;

import dev.foyer.directory.Argon2idPasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What this machine can physically do on all its cores, measured with one thread per core: Argon2id
 * password checks with the server's parameters (Foyer's own hasher, so the same BouncyCastle code),
 * and RS256 signatures with a 2048-bit key (the server's key size) through the JCA, as Nimbus signs.
 */
final class MachineLimits {

    private MachineLimits() {
    }

    /**
     * Operations per second of wall time on all threads, and CPU milliseconds per operation (the
     * threads' own CPU time, which other work on a shared machine does not inflate).
     */
    record Limit(double perSecond, long operations, double seconds, int threads, double cpuMsPerOperation) {
    }

    static Limit argon2(Argon2Parameters parameters, int threads, Duration warmUp, Duration measure)
            throws InterruptedException {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), 16, 32);
        String hash = hasher.hash("Correct-Horse-42");
        return run(threads, warmUp, measure, () -> {
            if (!hasher.matches("Correct-Horse-42", hash)) {
                throw new IllegalStateException("Argon2id did not verify its own hash");
            }
        });
    }

    static Limit rs256(int threads, Duration warmUp, Duration measure) throws InterruptedException {
        KeyPair key;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            key = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // A header and claims of the size of Foyer's access tokens.
        byte[] signingInput = ("eyJraWQiOiJrIiwidHlwIjoiYXQrand0IiwiYWxnIjoiUlMyNTYifQ." + "x".repeat(620))
                .getBytes(StandardCharsets.US_ASCII);
        ThreadLocal<Signature> signatures = ThreadLocal.withInitial(() -> {
            try {
                return Signature.getInstance("SHA256withRSA");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        return run(threads, warmUp, measure, () -> {
            try {
                Signature signature = signatures.get();
                signature.initSign(key.getPrivate());
                signature.update(signingInput);
                signature.sign();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Limit run(int threads, Duration warmUp, Duration measure, Runnable operation)
            throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + measure.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread worker = new Thread(() -> {
                long mine = 0;
                long cpuFrom = -1;
                long now;
                while ((now = System.nanoTime()) < end) {
                    if (now >= measureFrom && cpuFrom < 0) {
                        cpuFrom = cpu.getCurrentThreadCpuTime();
                    }
                    operation.run();
                    if (now >= measureFrom) {
                        mine++;
                    }
                }
                counted.addAndGet(mine);
                if (cpuFrom >= 0) {
                    cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuFrom);
                }
            }, "limit-" + i);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long finished = System.nanoTime();
        // Operations started inside the window and finished by the time the last thread stopped.
        double seconds = (finished - measureFrom) / 1e9;
        return new Limit(counted.get() / seconds, counted.get(), seconds, threads,
                counted.get() == 0 ? Double.NaN : cpuNanos.get() / 1e6 / counted.get());
    }
}
