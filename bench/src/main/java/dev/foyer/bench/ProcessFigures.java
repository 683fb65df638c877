package dev.foyer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of a process, from Linux's {@code /proc/<pid>/stat} (utime +
 * stime, in clock ticks) and {@code /proc/<pid>/status} (VmRSS).
 */
final class ProcessFigures {

    /** Linux's USER_HZ: 100 on every mainstream kernel configuration. */
    private static final double TICKS_PER_SECOND = ticksPerSecond();

    private ProcessFigures() {
    }

    /** The kinds of a JVM server's threads whose CPU time the benchmark tells apart. */
    static final String REQUESTS = "requests";
    static final String COMPILER = "compiler";
    static final String GC = "gc";
    static final String OTHER = "other";

    /** User + system CPU seconds the process has used so far. */
    static double cpuSeconds(long pid) {
        return cpuSeconds(Path.of("/proc/" + pid + "/stat"));
    }

    /**
     * CPU seconds so far of the process's live threads, by kind: Tomcat's request threads, the JIT
     * compiler's, the garbage collector's (and the VM thread, which runs its pauses), and the rest.
     */
    static Map<String, Double> cpuSecondsByThreadKind(long pid) {
        Map<String, Double> kinds = new LinkedHashMap<>();
        for (String kind : new String[] {REQUESTS, COMPILER, GC, OTHER}) {
            kinds.put(kind, 0.0);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    double seconds = cpuSeconds(task.resolve("stat"));
                    if (!Double.isNaN(seconds)) {
                        kinds.merge(kind(name), seconds, Double::sum);
                    }
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            });
        } catch (IOException | RuntimeException e) {
            kinds.replaceAll((kind, seconds) -> Double.NaN);
        }
        return kinds;
    }

    // Linux keeps the first 15 characters of a thread's name.
    private static String kind(String threadName) {
        if (threadName.startsWith("http-nio-")) {
            return REQUESTS;
        }
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return COMPILER;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return GC;
        }
        return OTHER;
    }

    private static double cpuSeconds(Path stat) {
        try {
            String line = Files.readString(stat);
            // The command name (field 2) may hold spaces; fields after it start past its ')'.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            return (utime + stime) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident set size in MiB. */
    static double residentMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return Double.NaN;
    }

    static long self() {
        return ProcessHandle.current().pid();
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
