package dev.foyer.security;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** One-time codes: issuing one, checking a right and a wrong answer, and the journey-state round trip. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OneTimeCodeBenchmark {

    private OneTimeCode.Issued issued;
    private String serialized;
    private Instant now;

    @Setup
    public void setUp() {
        now = Instant.now();
        issued = OneTimeCode.issue(now.plusSeconds(600), 5);
        serialized = issued.code().serialize();
    }

    @Benchmark
    public OneTimeCode.Issued issue() {
        return OneTimeCode.issue(now.plusSeconds(600), 5);
    }

    @Benchmark
    public OneTimeCode.Check verifyCorrect() {
        return issued.code().check(issued.plaintext(), now);
    }

    @Benchmark
    public OneTimeCode.Check verifyWrong() {
        return issued.code().check("000000".equals(issued.plaintext()) ? "000001" : "000000", now);
    }

    /** As a code step reads its code from journey state, checks it and writes it back. */
    @Benchmark
    public String parseVerifySerialize() {
        OneTimeCode code = OneTimeCode.parse(serialized);
        return code.attempt(issued.plaintext(), now).after().serialize();
    }
}
