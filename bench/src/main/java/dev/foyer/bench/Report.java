package dev.foyer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's figures as a table for people and a JSON file for machines. */
final class Report {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Report() {
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
        m.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("loadAverageAtStart", read(Path.of("/proc/loadavg")));
        return m;
    }

    /**
     * Each scenario's figures, with its throughput as a share of the machine's limit where one
     * applies: the limit measured right after the scenario when {@code measuredAfter} has one (a
     * shared machine's speed drifts over minutes), else the one measured at the start of the run.
     */
    static List<Map<String, Object>> scenarios(List<LoadRun.Result> results, MachineLimits.Limit argon2,
                                               MachineLimits.Limit rs256, Map<String, MachineLimits.Limit> measuredAfter,
                                               int signaturesPerUserGrant, int signaturesPerClientGrant) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (LoadRun.Result r : results) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("scenario", r.scenario());
            s.put("perSecond", r.perSecond());
            s.put("operations", r.operations());
            s.put("failures", r.failures());
            s.put("seconds", r.seconds());
            s.put("concurrency", r.concurrency());
            s.put("p50Ms", r.p50Ms());
            s.put("p95Ms", r.p95Ms());
            s.put("p99Ms", r.p99Ms());
            s.put("serverCpuMsPerOperation", r.serverCpuMsPerOperation());
            s.put("generatorCpuMsPerOperation", r.generatorCpuMsPerOperation());
            s.put("serverCpuSeconds", r.serverCpuSeconds());
            s.put("generatorCpuSeconds", r.generatorCpuSeconds());
            Map<String, Object> byThread = new LinkedHashMap<>();
            for (String kind : List.of(ProcessFigures.REQUESTS, ProcessFigures.COMPILER, ProcessFigures.GC,
                    ProcessFigures.OTHER)) {
                byThread.put(kind, r.serverCpuMsPerOperation(kind));
            }
            s.put("serverCpuMsPerOperationByThread", byThread);
            s.put("serverHashCpuMsPerOperation", r.hashCpuMsPerOperation());
            s.put("serverHashesPerOperation", r.hashesPerOperation());
            // The operation that bounds the scenario, and how many of it one scenario operation needs.
            MachineLimits.Limit bound = null;
            int per = 1;
            switch (r.scenario()) {
                case "password_sign_in", "mfa_sign_in" -> bound = argon2;
                case "refresh" -> {
                    bound = rs256;
                    per = signaturesPerUserGrant;
                }
                case "client_credentials" -> {
                    bound = rs256;
                    per = signaturesPerClientGrant;
                }
                default -> bound = null;
            }
            if (bound != null && measuredAfter.containsKey(r.scenario())) {
                bound = measuredAfter.get(r.scenario());
                s.put("limitMeasuredAfterScenario", Map.of("perSecond", bound.perSecond(),
                        "cpuMsPerOperation", bound.cpuMsPerOperation()));
            }
            if (bound != null) {
                double limit = bound.perSecond() / per;
                s.put("limitPerSecond", limit);
                s.put("ratioToLimit", r.perSecond() / limit);
                // The same ratio in CPU time, which a machine shared with other work skews far less:
                // the limiting work's CPU cost over all the CPU the server spent per operation.
                s.put("cpuRatioToLimit", bound.cpuMsPerOperation() * per / r.serverCpuMsPerOperation());
            }
            if (!r.failureSamples().isEmpty()) {
                s.put("failureSamples", r.failureSamples());
            }
            list.add(s);
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    static String table(Map<String, Object> report) {
        StringBuilder t = new StringBuilder();
        Map<String, Object> limits = (Map<String, Object>) report.get("limits");
        Map<String, Object> server = (Map<String, Object>) report.get("server");
        Map<String, Object> machine = (Map<String, Object>) report.get("machine");
        Map<String, Object> params = (Map<String, Object>) report.get("parameters");
        t.append(String.format("Foyer load benchmark, %s%n", report.get("date")));
        t.append(String.format("machine: %s cores, %s, %s; load average at start %s%n", machine.get("cores"),
                machine.get("cpu"), machine.get("java"), machine.get("loadAverageAtStart")));
        t.append(String.format("run: %s, %s virtual users, %s s per scenario after %s s warm-up, %s users%n",
                params.get("database"), params.get("concurrency"), params.get("durationSeconds"),
                params.get("warmUpSeconds"), params.get("users")));
        t.append(String.format("limits (all cores) at the start: Argon2id %s %.1f/s (%.1f ms CPU each), RS256 %.0f/s"
                        + " (%.2f ms CPU each); limit/s below: measured again right after each scenario%n%n",
                limits.get("argon2id"), (double) limits.get("argon2idPerSecond"),
                (double) limits.get("argon2idCpuMs"), (double) limits.get("rs256PerSecond"),
                (double) limits.get("rs256CpuMs")));
        t.append(String.format("%-20s %10s %8s %8s %8s %9s %10s %9s %9s %11s %8s %9s%n", "scenario", "ops/s", "p50 ms",
                "p95 ms", "p99 ms", "srv ms/op", "hash ms/op", "jit ms/op", "gen ms/op", "limit/s", "ratio", "cpu ratio"));
        for (Map<String, Object> s : (List<Map<String, Object>>) report.get("scenarios")) {
            t.append(String.format("%-20s %10.1f %8.2f %8.2f %8.2f %9.3f %10.3f %9.3f %9.3f %11s %8s %9s%s%n",
                    s.get("scenario"), (double) s.get("perSecond"), (double) s.get("p50Ms"), (double) s.get("p95Ms"),
                    (double) s.get("p99Ms"), (double) s.get("serverCpuMsPerOperation"),
                    (double) s.get("serverHashCpuMsPerOperation"),
                    (double) ((Map<String, Object>) s.get("serverCpuMsPerOperationByThread")).get(ProcessFigures.COMPILER),
                    (double) s.get("generatorCpuMsPerOperation"),
                    s.containsKey("limitPerSecond") ? String.format("%.1f", (double) s.get("limitPerSecond")) : "-",
                    s.containsKey("ratioToLimit") ? String.format("%.2f", (double) s.get("ratioToLimit")) : "-",
                    s.containsKey("cpuRatioToLimit") ? String.format("%.2f", (double) s.get("cpuRatioToLimit")) : "-",
                    ((long) s.get("failures")) > 0 ? "  (" + s.get("failures") + " failed)" : ""));
        }
        t.append(String.format("%nserver: start-up %.2f s (%.2f s CPU) to the first discovery document; first start"
                        + " on an empty database %.2f s (%.2f s CPU)%n", (double) server.get("startSeconds"),
                (double) server.get("startCpuSeconds"), (double) server.get("firstStartSeconds"),
                (double) server.get("firstStartCpuSeconds")));
        if (server.containsKey("startSecondsWithoutArchive")) {
            t.append(String.format("server: started from an %s; without it, start-up %.2f s (%.2f s CPU)%n",
                    server.get("archive"),
                    (double) server.get("startSecondsWithoutArchive"),
                    (double) server.get("startCpuSecondsWithoutArchive")));
        }
        t.append(String.format("server: RSS %.0f MiB idle, %s MiB after the load%n", (double) server.get("idleRssMib"),
                server.containsKey("loadedRssMib") ? String.format("%.0f", (double) server.get("loadedRssMib")) : "-"));
        return t.toString();
    }

    static Path write(Map<String, Object> report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = ((String) report.get("date")).replace(":", "").replaceAll("\\.\\d+Z$", "Z");
        Path file = dir.resolve(stamp + ".json");
        Files.writeString(file, JSON.writeValueAsString(report));
        return file;
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
