package dev.foyer.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one scenario: {@code concurrency} virtual users, each on its own thread and connection,
 * repeat an operation back to back (a closed loop) for a warm-up, which is not counted, then for
 * the measured duration. Counts completed operations and failures, keeps every latency, and
 * takes the server's and the generator's CPU seconds over the measured part.
 */
final class LoadRun {

    /** The operation a virtual user repeats; {@code worker} is its index, {@code iteration} counts from 0. */
    interface Operation {
        void run(VirtualUser user, int worker, long iteration) throws Exception;
    }

    record Result(String scenario, int concurrency, double seconds, long operations, long failures,
                  List<String> failureSamples, double p50Ms, double p95Ms, double p99Ms, double serverCpuSeconds,
                  double generatorCpuSeconds, Map<String, Double> serverCpuSecondsByThreadKind,
                  ServerProcess.PasswordHashing passwordHashing) {

        double perSecond() {
            return operations / seconds;
        }

        double serverCpuMsPerOperation() {
            return operations == 0 ? Double.NaN : serverCpuSeconds * 1000 / operations;
        }

        double generatorCpuMsPerOperation() {
            return operations == 0 ? Double.NaN : generatorCpuSeconds * 1000 / operations;
        }

        /** The server's CPU milliseconds per operation on one kind of thread ({@link ProcessFigures#REQUESTS}...). */
        double serverCpuMsPerOperation(String threadKind) {
            return operations == 0 ? Double.NaN : serverCpuSecondsByThreadKind.get(threadKind) * 1000 / operations;
        }

        /** The server's CPU milliseconds in Argon2 per operation: the part of its CPU that is the hash. */
        double hashCpuMsPerOperation() {
            return operations == 0 ? Double.NaN : passwordHashing.cpuSeconds() * 1000 / operations;
        }

        double hashesPerOperation() {
            return operations == 0 ? Double.NaN : passwordHashing.computations() / operations;
        }
    }

    private LoadRun() {
    }

    static Result run(String scenario, ServerProcess server, int concurrency, Duration warmUp, Duration duration,
                      Operation operation) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmUp.toNanos();
        long end = measureFrom + duration.toNanos();
        AtomicLong failures = new AtomicLong();
        List<String> samples = Collections.synchronizedList(new ArrayList<>());
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        double[] cpuAtStart = new double[2];
        ServerProcess.PasswordHashing[] hashingAtStart = new ServerProcess.PasswordHashing[1];
        List<Map<String, Double>> threadsAtStart = new ArrayList<>();
        Thread marker = new Thread(() -> {
            try {
                sleepUntil(measureFrom);
                cpuAtStart[0] = server.cpuSeconds();
                cpuAtStart[1] = ProcessFigures.cpuSeconds(ProcessFigures.self());
                hashingAtStart[0] = server.passwordHashing();
                threadsAtStart.add(ProcessFigures.cpuSecondsByThreadKind(server.pid()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "measure-start");
        marker.start();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1024];
                int n = 0;
                try (VirtualUser user = new VirtualUser(server.port())) {
                    long iteration = 0;
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        boolean counted = now >= measureFrom;
                        try {
                            operation.run(user, worker, iteration++);
                            long took = System.nanoTime() - now;
                            if (counted) {
                                if (n == mine.length) {
                                    mine = Arrays.copyOf(mine, n * 2);
                                }
                                mine[n++] = took;
                            }
                        } catch (Exception e) {
                            if (counted) {
                                failures.incrementAndGet();
                            }
                            if (samples.size() < 5) {
                                samples.add(e.getClass().getSimpleName() + ": " + e.getMessage());
                            }
                            user.http().close();
                        }
                    }
                }
                latencies[worker] = mine;
                counts[worker] = n;
            }, scenario + "-" + w);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        marker.join();
        // The last operations end a little after the deadline; they count, so does their time.
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        double serverCpu = server.cpuSeconds() - cpuAtStart[0];
        double generatorCpu = ProcessFigures.cpuSeconds(ProcessFigures.self()) - cpuAtStart[1];
        ServerProcess.PasswordHashing hashing = server.passwordHashing().since(hashingAtStart[0]);
        Map<String, Double> threads = ProcessFigures.cpuSecondsByThreadKind(server.pid());
        threads.replaceAll((kind, cpu) -> cpu - threadsAtStart.get(0).get(kind));
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < concurrency; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        return new Result(scenario, concurrency, seconds, total, failures.get(), List.copyOf(samples),
                percentile(all, 0.50), percentile(all, 0.95), percentile(all, 0.99), serverCpu, generatorCpu,
                threads, hashing);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }
}
