package dev.foyer.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Foyer under test: {@code java -jar} of the server jar in its own process on 127.0.0.1, on free
 * ports, with the benchmark's environment. Start-up time is measured from just before the process
 * is created to the first 200 answer on a discovery document.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;
    private final long startedNanos;

    private ServerProcess(Process process, int port, int managementPort, long startedNanos) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.startedNanos = startedNanos;
    }

    /** The server's own count of Argon2 computations and of the CPU seconds they took. */
    record PasswordHashing(double computations, double cpuSeconds) {

        PasswordHashing since(PasswordHashing earlier) {
            return new PasswordHashing(computations - earlier.computations, cpuSeconds - earlier.cpuSeconds);
        }
    }

    static ServerProcess start(Path jar, List<String> jvmOptions, Map<String, String> environment,
                               List<String> arguments, Path log) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("FOYER_HTTP_PORT", String.valueOf(port));
        int managementPort = freePort();
        builder.environment().put("FOYER_MANAGEMENT_PORT", String.valueOf(managementPort));
        builder.environment().put("FOYER_BIND_ADDRESS", "127.0.0.1");
        long started = System.nanoTime();
        Process process = builder.start();
        // Whatever happens to the benchmark, the server it started does not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new ServerProcess(process, port, managementPort, started);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Polls {@code path} every 20 ms until it answers 200; returns the seconds since the process
     * was created.
     */
    double awaitReady(String path, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("The server exited with status " + process.exitValue() + " while starting");
            }
            try (HttpConnection http = new HttpConnection("127.0.0.1", port)) {
                if (http.get(path, null, null).status() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IOException("The server did not answer " + path + " within " + timeout);
    }

    /** Read from the metrics endpoint on the management port; NaN when it does not answer. */
    PasswordHashing passwordHashing() {
        try (HttpConnection http = new HttpConnection("127.0.0.1", managementPort)) {
            HttpConnection.Response metrics = http.get("/actuator/prometheus", null, null);
            if (metrics.status() != 200) {
                return new PasswordHashing(Double.NaN, Double.NaN);
            }
            return new PasswordHashing(metric(metrics.body(), "foyer_passwords_argon2_computations_total"),
                    metric(metrics.body(), "foyer_passwords_argon2_cpu_seconds_total"));
        } catch (IOException e) {
            return new PasswordHashing(Double.NaN, Double.NaN);
        }
    }

    private static double metric(String exposition, String name) {
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    double cpuSeconds() {
        return ProcessFigures.cpuSeconds(process.pid());
    }

    double residentMib() {
        return ProcessFigures.residentMib(process.pid());
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 seconds. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
