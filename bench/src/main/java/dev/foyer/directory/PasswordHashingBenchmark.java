package dev.foyer.directory;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * A password check with Foyer's Argon2id hasher, which keeps each computation's memory, against
 * Spring Security's encoder over the same BouncyCastle generator, which allocates it per check.
 * Run with {@code -prof gc} to see the allocation per check: {@code bench/jmh PasswordHashing -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class PasswordHashingBenchmark {

    private static final String PASSWORD = "Correct-Horse-42";

    /** Foyer's default (OWASP's minimum) and Keycloak 26's parameters. */
    @Param({"19456,2", "7168,5"})
    public String memoryKibAndIterations;

    private Argon2idPasswordHasher foyer;
    private Argon2PasswordEncoder spring;
    private String hash;

    @Setup
    public void setUp() {
        String[] parameters = memoryKibAndIterations.split(",");
        int memoryKib = Integer.parseInt(parameters[0]);
        int iterations = Integer.parseInt(parameters[1]);
        foyer = new Argon2idPasswordHasher(memoryKib, iterations, 1, 16, 32);
        spring = new Argon2PasswordEncoder(16, 32, 1, memoryKib, iterations);
        hash = foyer.hash(PASSWORD);
    }

    @Benchmark
    public boolean foyerHasher() {
        return foyer.matches(PASSWORD, hash);
    }

    @Benchmark
    public boolean springEncoder() {
        return spring.matches(PASSWORD, hash);
    }
}
