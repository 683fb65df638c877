package dev.foyer.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js and npm for the single-page example. When they are missing the test is skipped with the
 * reason printed — except under {@code CI=true}, where it fails.
 */
final class Node {

    private Node() {
    }

    static void requireInstalled() {
        if (!runs("node", "--version") || !runs("npm", "--version")) {
            String reason = "node or npm is not installed (Node.js 20.19 or newer is needed for examples/spa)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; under CI=true every test must run");
            }
            System.out.println("SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    /** {@code npm ci} and {@code npm run build} when {@code dist/} is missing or older than a source. */
    static synchronized void buildIfStale(Path app) throws Exception {
        Path built = app.resolve("dist/index.html");
        Path installed = app.resolve("node_modules/.package-lock.json");
        FileTime lock = Files.getLastModifiedTime(app.resolve("package-lock.json"));
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(lock) < 0) {
            System.out.println("examples/spa: node_modules is missing or older than package-lock.json; npm ci");
            run(app, "npm", "ci", "--no-audit", "--no-fund");
        }
        if (!Files.exists(built) || newestSource(app).compareTo(Files.getLastModifiedTime(built)) > 0) {
            System.out.println("examples/spa: dist/ is missing or older than its sources; npm run build");
            run(app, "npm", "run", "build");
        }
    }

    private static FileTime newestSource(Path app) throws IOException {
        try (Stream<Path> sources = Stream.concat(
                Stream.of("index.html", "package.json", "package-lock.json").map(app::resolve).filter(Files::exists),
                Files.walk(app.resolve("src")).filter(Files::isRegularFile))) {
            return sources.map(Node::modified).max(FileTime::compareTo).orElseThrow();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void run(Path dir, String... command) throws Exception {
        // Never the test JVM's own streams: its standard output is the test runner's channel.
        Path log = Files.createTempFile("npm-", ".log");
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            Assertions.fail(String.join(" ", command) + " failed in " + dir + ":\n" + Files.readString(log));
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
