package dev.foyer.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The load benchmark: measures the machine's limits, starts Foyer in its own process (fresh H2
 * data directory or fresh PostgreSQL schema), seeds it through the admin API, drives each scenario
 * over HTTP from this process, and reports a table and a JSON file.
 */
public final class Bench {

    private static final String READY_PATH = "/system/b2c_1_admin/v2.0/.well-known/openid-configuration";
    private static final int SIGNATURES_PER_USER_GRANT = 2;   // access token + ID token
    private static final int SIGNATURES_PER_CLIENT_GRANT = 1; // access token

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        Map<String, Object> report = new Bench.Run(options).execute();
        Path json = Report.write(report, options.resultsDir());
        System.out.println();
        System.out.print(Report.table(report));
        System.out.println("JSON: " + json);
    }

    private static final class Run {
        private final Options options;
        private final Map<String, Object> report = new LinkedHashMap<>();
        private final Map<String, MachineLimits.Limit> limitsAfter = new LinkedHashMap<>();
        private final Path log;
        private String jdbcUrl;
        private String schema;
        private Path jar;
        private final List<String> cdsOptions = new ArrayList<>();

        Run(Options options) {
            this.options = options;
            this.log = options.workDir().resolve("server.log");
            this.jar = options.jar().toAbsolutePath();
        }

        /**
         * AppCDS: extracts the executable jar (Spring Boot's {@code -Djarmode=tools extract}), starts
         * it once on a throwaway database until the application context is ready, and archives the
         * classes it loaded. The measured starts then map them instead of loading and verifying
         * them again. The archive is bound to the jar's path, so both use the same absolute path.
         * On Java 25 and later, the training start writes an AOT cache instead (JEP 483 and 514):
         * the classes loaded and linked as well.
         */
        private void prepareClassDataSharing(List<String> args) throws IOException, InterruptedException {
            Path app = options.workDir().resolve("app").toAbsolutePath();
            boolean aotCache = Runtime.version().feature() >= 25;
            Path archive = options.workDir().resolve(aotCache ? "foyer.aot" : "foyer.jsa").toAbsolutePath();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            long started = System.nanoTime();
            exec(new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    app.toString()), "extracting the jar");
            Path extracted = app.resolve(jar.getFileName());
            List<String> training = new ArrayList<>(List.of(java,
                    (aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive,
                    "-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
            // The same JVM options as the measured starts: a cache made with another collector is refused.
            training.addAll(1, options.serverJvmOptions());
            training.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(training);
            builder.environment().put("FOYER_DATA_DIR", options.workDir().resolve("cds-training").toAbsolutePath().toString());
            builder.environment().put("FOYER_TLS_ENABLED", "false");
            builder.environment().put("FOYER_HTTP_PORT", String.valueOf(ServerProcess.freePort()));
            builder.environment().put("FOYER_MANAGEMENT_PORT", String.valueOf(ServerProcess.freePort()));
            exec(builder, "the class-data-sharing training start");
            jar = extracted;
            cdsOptions.add((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
            say(String.format("%s of %.0f MiB made in %.1f s", aotCache ? "AOT cache" : "Class-data sharing archive",
                    Files.size(archive) / 1048576.0,
                    (System.nanoTime() - started) / 1e9));
        }

        private void exec(ProcessBuilder builder, String what) throws IOException, InterruptedException {
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                    options.workDir().resolve("cds.log").toFile()));
            int status = builder.start().waitFor();
            if (status != 0) {
                throw new IOException(what + " failed with status " + status + "; see "
                        + options.workDir().resolve("cds.log"));
            }
        }

        Map<String, Object> execute() throws Exception {
            Files.createDirectories(options.workDir());
            report.put("date", Instant.now().toString());
            report.put("machine", Report.machine());
            report.put("parameters", parameters());
            int cores = Runtime.getRuntime().availableProcessors();
            say("Machine limits, " + cores + " threads, " + options.limitDuration().toSeconds() + " s each");
            MachineLimits.Limit argon2 = MachineLimits.argon2(options.argon2(), cores, Duration.ofSeconds(2),
                    options.limitDuration());
            MachineLimits.Limit rs256 = MachineLimits.rs256(cores, Duration.ofSeconds(2), options.limitDuration());
            report.put("limits", Map.of(
                    "argon2idPerSecond", argon2.perSecond(), "argon2id", options.argon2().toString(),
                    "argon2idCpuMs", argon2.cpuMsPerOperation(),
                    "rs256PerSecond", rs256.perSecond(), "rs256CpuMs", rs256.cpuMsPerOperation(),
                    "threads", cores));
            say(String.format("  Argon2id %s: %.1f/s (%.1f ms CPU each); RS256 (2048-bit): %.0f/s (%.2f ms CPU each)",
                    options.argon2(), argon2.perSecond(), argon2.cpuMsPerOperation(), rs256.perSecond(),
                    rs256.cpuMsPerOperation()));

            Map<String, String> env = environment();
            List<String> args = serverArguments();
            if (options.cds()) {
                prepareClassDataSharing(args);
            }
            say("Server: first start on an empty " + (options.postgres() ? "PostgreSQL schema" : "H2 data directory"));
            Map<String, Object> server = new LinkedHashMap<>();
            Seeder.Automation automation;
            try (ServerProcess first = ServerProcess.start(jar, jvmOptions(false), env, args, log)) {
                double firstStart = first.awaitReady(READY_PATH, Duration.ofMinutes(3));
                server.put("firstStartSeconds", firstStart);
                server.put("firstStartCpuSeconds", first.cpuSeconds());
                say(String.format("  first served discovery document after %.2f s (%.2f s CPU)", firstStart,
                        first.cpuSeconds()));
            }
            automation = Seeder.bootstrap(jdbcUrl, options.postgres() ? "postgres" : "sa", "");
            if (options.cds()) {
                try (ServerProcess plain = ServerProcess.start(jar, options.serverJvmOptions(), env, args, log)) {
                    double plainStart = plain.awaitReady(READY_PATH, Duration.ofMinutes(3));
                    server.put("archive", Runtime.version().feature() >= 25 ? "AOT cache" : "AppCDS archive");
                    server.put("startSecondsWithoutArchive", plainStart);
                    server.put("startCpuSecondsWithoutArchive", plain.cpuSeconds());
                    say(String.format("Server: restart without the archive served discovery after %.2f s (%.2f s CPU)",
                            plainStart, plain.cpuSeconds()));
                }
            }
            try (ServerProcess foyer = ServerProcess.start(jar, jvmOptions(true), env, args, log)) {
                double restart = foyer.awaitReady(READY_PATH, Duration.ofMinutes(3));
                double restartCpu = foyer.cpuSeconds();
                server.put("startSeconds", restart);
                server.put("startCpuSeconds", restartCpu);
                say(String.format("Server: restart served discovery after %.2f s (%.2f s CPU; pid %d, port %d)",
                        restart, restartCpu, foyer.pid(), foyer.port()));
                Thread.sleep(3000);
                server.put("idleRssMib", foyer.residentMib());
                if (options.scenarios().isEmpty()) {
                    say(String.format("Idle RSS %.0f MiB; no scenarios chosen", (double) server.get("idleRssMib")));
                    report.put("server", server);
                    report.put("scenarios", List.of());
                    return report;
                }
                long seedStart = System.nanoTime();
                VirtualUser.Target target = Seeder.target(foyer.port(), automation);
                Seeder.users(foyer.port(), automation, options.users(), Math.max(2, cores));
                enrollPhones(foyer, target);
                server.put("seedSeconds", (System.nanoTime() - seedStart) / 1e9);
                say(String.format("Seeded %d users (%d with a phone) in %.1f s; idle RSS %.0f MiB", options.users(),
                        options.mfaUsers(), (double) server.get("seedSeconds"), (double) server.get("idleRssMib")));
                double cpuBefore = foyer.cpuSeconds();
                List<LoadRun.Result> results = scenarios(foyer, target, automation);
                server.put("loadedRssMib", foyer.residentMib());
                server.put("cpuSecondsDuringScenarios", foyer.cpuSeconds() - cpuBefore);
                report.put("scenarios", Report.scenarios(results, argon2, rs256, limitsAfter,
                        SIGNATURES_PER_USER_GRANT, SIGNATURES_PER_CLIENT_GRANT));
            } finally {
                dropSchema();
            }
            report.put("server", server);
            report.put("signaturesPerGrant", Map.of("authorizationCode", SIGNATURES_PER_USER_GRANT,
                    "refreshToken", SIGNATURES_PER_USER_GRANT, "clientCredentials", SIGNATURES_PER_CLIENT_GRANT));
            return report;
        }

        private List<LoadRun.Result> scenarios(ServerProcess foyer, VirtualUser.Target target,
                                               Seeder.Automation automation) throws InterruptedException {
            List<LoadRun.Result> results = new ArrayList<>();
            int c = options.concurrency();
            String discovery = "/" + target.tenant() + "/" + target.passwordFlow() + "/v2.0/.well-known/openid-configuration";
            String jwks = "/" + target.tenant() + "/" + target.passwordFlow() + "/discovery/v2.0/keys";
            if (options.runs("discovery")) {
                results.add(run(foyer, "discovery", (user, w, i) -> user.fetch(discovery)));
            }
            if (options.runs("jwks")) {
                results.add(run(foyer, "jwks", (user, w, i) -> user.fetch(jwks)));
            }
            if (options.runs("client_credentials")) {
                results.add(run(foyer, "client_credentials", (user, w, i) ->
                        user.clientCredentials(Seeder.ADMIN_TOKEN_PATH, automation.basic(), "foyer.admin")));
            }
            if (options.runs("refresh")) {
                String[] tokens = new String[c];
                results.add(run(foyer, "refresh", (user, w, i) -> {
                    if (tokens[w] == null) {
                        // Unmeasured: the warm-up starts with this sign-in.
                        tokens[w] = user.signIn(target, target.passwordFlow(), Seeder.email(w % options.users()),
                                Seeder.PASSWORD, null);
                    }
                    try {
                        tokens[w] = user.refresh(target, target.passwordFlow(), tokens[w]);
                    } catch (IOException e) {
                        // The token's fate is unknown (used, or its family revoked): sign in again next time.
                        tokens[w] = null;
                        throw e;
                    }
                }));
            }
            if (options.runs("password_sign_in")) {
                results.add(run(foyer, "password_sign_in", (user, w, i) -> {
                    int index = (int) ((w + i * c) % options.users());
                    user.signIn(target, target.passwordFlow(), Seeder.email(index), Seeder.PASSWORD, null);
                }));
            }
            if (options.runs("mfa_sign_in")) {
                int perWorker = Math.max(1, options.mfaUsers() / c);
                results.add(run(foyer, "mfa_sign_in", (user, w, i) -> {
                    // Each virtual user has its own phones, so it never reads another's code.
                    int index = (int) (w + (long) c * (i % perWorker));
                    user.signIn(target, target.mfaFlow(), Seeder.email(index), Seeder.PASSWORD, Seeder.phone(index));
                }));
            }
            return results;
        }

        private LoadRun.Result run(ServerProcess foyer, String scenario, LoadRun.Operation operation)
                throws InterruptedException {
            say("Scenario " + scenario + ": " + options.concurrency() + " virtual users, "
                    + options.warmUp().toSeconds() + " s warm-up, " + options.duration().toSeconds() + " s measured");
            LoadRun.Result result = LoadRun.run(scenario, foyer, options.concurrency(), options.warmUp(),
                    options.duration(), operation);
            say(String.format("  %.1f/s, p50 %.1f ms, p99 %.1f ms, %d failures, server %.2f ms CPU/op (%.2f of it in %.2f"
                            + " Argon2 hashes), generator %.2f ms CPU/op",
                    result.perSecond(), result.p50Ms(), result.p99Ms(), result.failures(),
                    result.serverCpuMsPerOperation(), result.hashCpuMsPerOperation(), result.hashesPerOperation(),
                    result.generatorCpuMsPerOperation()));
            say(String.format("  server CPU ms/op by thread: requests %.2f, JIT compiler %.2f, GC %.2f, other %.2f",
                    result.serverCpuMsPerOperation(ProcessFigures.REQUESTS),
                    result.serverCpuMsPerOperation(ProcessFigures.COMPILER),
                    result.serverCpuMsPerOperation(ProcessFigures.GC),
                    result.serverCpuMsPerOperation(ProcessFigures.OTHER)));
            result.failureSamples().forEach(s -> say("    failure: " + s));
            measureLimitAfter(scenario);
            return result;
        }

        /**
         * The limit that bounds {@code scenario}, measured again now that its load has stopped: a
         * shared machine's speed drifts by a third over minutes, so the limit measured next to the
         * scenario is the one its ratio is taken against.
         */
        private void measureLimitAfter(String scenario) throws InterruptedException {
            int cores = Runtime.getRuntime().availableProcessors();
            MachineLimits.Limit limit;
            switch (scenario) {
                case "password_sign_in", "mfa_sign_in" -> limit = MachineLimits.argon2(options.argon2(), cores,
                        Duration.ofSeconds(1), options.limitDuration());
                case "refresh", "client_credentials" -> limit = MachineLimits.rs256(cores, Duration.ofSeconds(1),
                        options.limitDuration());
                default -> {
                    return;
                }
            }
            limitsAfter.put(scenario, limit);
            say(String.format("  limit measured after it: %.1f/s (%.2f ms CPU each)", limit.perSecond(),
                    limit.cpuMsPerOperation()));
        }

        /** Signs each MFA user in once through the MFA flow, which enrolls their phone. */
        private void enrollPhones(ServerProcess foyer, VirtualUser.Target target) throws IOException, InterruptedException {
            List<Thread> workers = new ArrayList<>();
            List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            int threads = options.concurrency();
            for (int t = 0; t < threads; t++) {
                int first = t;
                Thread worker = new Thread(() -> {
                    try (VirtualUser user = new VirtualUser(foyer.port())) {
                        for (int i = first; i < options.mfaUsers(); i += threads) {
                            user.signIn(target, target.mfaFlow(), Seeder.email(i), Seeder.PASSWORD, Seeder.phone(i));
                        }
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }, "enroll-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (!failures.isEmpty()) {
                throw new IOException("Enrolling phones failed: " + failures.get(0).getMessage(), failures.get(0));
            }
        }

        private Map<String, String> environment() throws Exception {
            Map<String, String> env = new HashMap<>();
            Path data = options.workDir().resolve("data").toAbsolutePath();
            env.put("FOYER_DATA_DIR", data.toString());
            env.put("FOYER_TLS_ENABLED", "false");
            env.put("FOYER_DEV_CHANNEL", "true");
            if (options.postgres()) {
                schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                try (var db = DriverManager.getConnection(options.postgresUrl(), "postgres", "")) {
                    db.createStatement().execute("create schema " + schema);
                }
                jdbcUrl = options.postgresUrl() + (options.postgresUrl().contains("?") ? "&" : "?")
                        + "currentSchema=" + schema;
                env.put("FOYER_DB_URL", jdbcUrl);
                env.put("FOYER_DB_USER", "postgres");
                env.put("FOYER_DB_PASSWORD", "");
            } else {
                jdbcUrl = "jdbc:h2:file:" + data.resolve("foyer");
            }
            return env;
        }

        /**
         * The server's own settings for the run. Every request comes from 127.0.0.1, so the caps on
         * codes per client address, per phone number and per tenant (which hold each virtual user
         * to a few sign-ins an hour) are raised to their maximum; they are still checked and counted on every code.
         */
        private List<String> serverArguments() {
            List<String> args = new ArrayList<>(options.argon2().serverArguments());
            args.add("--foyer.demo.enabled=false");
            for (String cap : List.of("per-number-per-hour", "per-number-per-day", "per-ip-per-hour",
                    "unverified-numbers-per-ip-per-day", "per-tenant-per-hour", "per-tenant-per-day")) {
                args.add("--foyer.mfa.phone." + cap + "=1000000");
            }
            return args;
        }

        private List<String> jvmOptions(boolean measured) {
            List<String> jvm = new ArrayList<>(cdsOptions);
            jvm.addAll(options.serverJvmOptions());
            if (measured && options.jfr()) {
                jvm.add("-XX:FlightRecorderOptions=stackdepth=256");
                jvm.add("-XX:StartFlightRecording=filename=" + options.workDir().resolve("server.jfr").toAbsolutePath()
                        + ",settings=profile,dumponexit=true");
            }
            return jvm;
        }

        private Map<String, Object> parameters() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("durationSeconds", options.duration().toMillis() / 1000.0);
            p.put("warmUpSeconds", options.warmUp().toMillis() / 1000.0);
            p.put("concurrency", options.concurrency());
            p.put("users", options.users());
            p.put("mfaUsers", options.mfaUsers());
            p.put("database", options.postgres() ? "postgresql" : "h2");
            p.put("argon2", Map.of("preset", options.argon2().preset(), "memoryKib", options.argon2().memoryKib(),
                    "iterations", options.argon2().iterations(), "parallelism", options.argon2().parallelism()));
            p.put("serverJvmOptions", options.serverJvmOptions());
            p.put("jfr", options.jfr());
            p.put("classDataSharing", options.cds());
            return p;
        }

        private void dropSchema() {
            if (schema == null) {
                return;
            }
            try (var db = DriverManager.getConnection(options.postgresUrl(), "postgres", "")) {
                db.createStatement().execute("drop schema " + schema + " cascade");
            } catch (Exception e) {
                say("Could not drop schema " + schema + ": " + e.getMessage());
            }
        }
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
    }
}
